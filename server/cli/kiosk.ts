/**
 * Kiosk enrollment from the command line (the coordinator's area does the same):
 *   npm run kiosk -- pair [NAME] [--unit UNIT_ID]   a one-time pairing code for a kiosk of the
 *                                                  unit (the only one, if there is one), valid 24 hours
 *   npm run kiosk -- list          enrolled kiosks, their unit, last sync, waiting responses, app version
 *   npm run kiosk -- revoke ID     the kiosk's token stops working at once
 */
import { readConfig } from '../config';
import { audit, COMMAND_LINE } from '../db/audit-log';
import { openConfiguredDatabase } from '../db/database';
import { kioskById, listKiosks, revokeKiosk } from '../db/kiosks';
import { listUnits } from '../db/units';
import { argumentsOrExit } from './options';
import { makePairingCode } from '../pairing';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const parsed = argumentsOrExit('Usage: npm run kiosk -- pair [NAME] [--unit UNIT_ID] | list | revoke KIOSK_ID');
const [command, ...words] = parsed.words;
const argument = words.length > 0 ? words.join(' ') : undefined;
const config = readConfig();
const db = await openConfiguredDatabase(config.dataDir, config.database, { firstUnitName: config.firstUnitName });
const units = (await listUnits(db)).map((unit) => unit.id);

switch (command) {
  case 'pair': {
    const name = (argument ?? 'Kiosk').trim().slice(0, 80) || 'Kiosk';
    const unit = parsed.options.get('unit')?.at(-1) ?? (units.length === 1 ? units[0] : undefined);
    if (unit === undefined) fail(`Name the kiosk's unit with --unit (the units are: ${units.join(', ')}).`);
    if (!units.includes(unit)) fail(`There is no unit ${unit}. The units are: ${units.join(', ')}.`);
    const { code, expiresAt: expires } = await makePairingCode(db, name, unit);
    await audit(db, COMMAND_LINE, 'kiosk-paired', name, new Date(), [unit]);
    console.log(`Pairing code for "${name}" in unit ${unit}: ${code}`);
    console.log(`Type it in the kiosk's staff menu before ${expires.toISOString()}. It works once.`);
    break;
  }
  case 'list': {
    const kiosks = await listKiosks(db, units);
    if (kiosks.length === 0) console.log('No kiosks enrolled yet. Make a pairing code with: npm run kiosk -- pair NAME');
    for (const k of kiosks) {
      const state = k.revokedAt ? `revoked ${k.revokedAt}` : `last sync ${k.lastSyncAt ?? 'never'}`;
      console.log(`${k.id}  ${k.name}  ${k.unitId}  ${state}  waiting ${k.waitingAtSync ?? '?'}  app ${k.appVersion ?? '?'}`);
    }
    break;
  }
  case 'revoke': {
    if (!argument) fail('Usage: npm run kiosk -- revoke KIOSK_ID (see npm run kiosk -- list)');
    const kiosk = await kioskById(db, argument);
    if (!kiosk) fail(`No kiosk with id ${argument}.`);
    await revokeKiosk(db, argument, new Date());
    await audit(db, COMMAND_LINE, 'kiosk-revoked', argument, new Date(), [kiosk.unitId]);
    console.log(`Kiosk ${argument} is revoked: its token no longer works.`);
    break;
  }
  default:
    fail('Usage: npm run kiosk -- pair [NAME] [--unit UNIT_ID] | list | revoke KIOSK_ID');
}
await db.close();
