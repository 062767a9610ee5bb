/**
 * Units from the command line:
 *   npm run unit -- add NAME [--sv NAME] [--en NAME]   a unit named NAME in Finnish (and others)
 *   npm run unit -- rename UNIT_ID NAME [--sv NAME] [--en NAME]
 *   npm run unit -- list                               every unit's id and names
 */
import { languageCode } from '../../src/domain/form-schema';
import { unitNames, type UnitNames } from '../../src/domain/units';
import { readConfig } from '../config';
import { audit, COMMAND_LINE } from '../db/audit-log';
import { openConfiguredDatabase } from '../db/database';
import { addUnit, listUnits, renameUnit } from '../db/units';
import { argumentsOrExit } from './options';

const USAGE = 'Usage: npm run unit -- add NAME [--sv NAME] [--en NAME] | rename UNIT_ID NAME [--sv NAME] [--en NAME] | list';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const parsed = argumentsOrExit(USAGE);
const [command, ...rest] = parsed.words;

/** The Finnish name from the words, the others from --LANG options. */
function namesFrom(name: string | undefined): UnitNames {
  if (!name) fail(USAGE);
  const names: Record<string, string> = { fi: name };
  for (const [language, values] of parsed.options) {
    if (!languageCode.safeParse(language).success) fail(`--${language} is not a language code such as --sv.`);
    names[language] = values.at(-1)!;
  }
  const checked = unitNames.safeParse(names);
  if (!checked.success) fail(`A unit's name is 1–120 characters.`);
  return checked.data;
}

const config = readConfig();
const db = await openConfiguredDatabase(config.dataDir, config.database, { firstUnitName: config.firstUnitName });
try {
  switch (command) {
    case 'add': {
      const unit = await addUnit(db, namesFrom(rest.join(' ').trim()), new Date());
      await audit(db, COMMAND_LINE, 'unit-added', unit.id, new Date(), [unit.id]);
      console.log(`Unit ${unit.id} added: ${Object.values(unit.names).join(' / ')}`);
      console.log(`Pair its kiosks with: npm run kiosk -- pair NAME --unit ${unit.id}`);
      break;
    }
    case 'rename': {
      const [id, ...name] = rest;
      if (!id) fail(USAGE);
      const names = namesFrom(name.join(' ').trim());
      if (!(await renameUnit(db, id, names))) fail(`There is no unit ${id}.`);
      await audit(db, COMMAND_LINE, 'unit-renamed', id, new Date(), [id]);
      console.log(`Unit ${id} renamed: ${Object.values(names).join(' / ')}`);
      break;
    }
    case 'list':
      for (const unit of await listUnits(db)) console.log(`${unit.id}  ${Object.entries(unit.names).map(([language, name]) => `${language}: ${name}`).join('  ')}`);
      break;
    default:
      fail(USAGE);
  }
} finally {
  await db.close();
}
