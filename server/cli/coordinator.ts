/**
 * Coordinator accounts from the command line:
 *   npm run coordinator -- add NAME [--role admin|coordinator|viewer] [--unit UNIT_ID ...]
 *   npm run coordinator -- set NAME --role ROLE [--unit UNIT_ID ...]
 *   npm run coordinator -- list
 * An account without --role is an area administrator (every unit). A unit coordinator or a
 * viewer gets the units named with --unit, or the only unit when there is one.
 * The password is asked for at a prompt, or read from standard input when that is not a
 * terminal (echo "$PASSWORD" | npm run coordinator -- add NAME).
 */
import { createInterface } from 'node:readline';
import { readConfig } from '../config';
import { audit, COMMAND_LINE } from '../db/audit-log';
import { addCoordinator, listCoordinators, setCoordinatorAccess } from '../db/coordinators';
import { listUnits } from '../db/units';
import { ROLES, type Role } from '../../src/domain/units';
import { argumentsOrExit } from './options';
import { openConfiguredDatabase } from '../db/database';
import { hashPassword, passwordProblem } from '../passwords';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let input = '';
    for await (const chunk of process.stdin) input += String(chunk);
    return input.split(/\r?\n/)[0] ?? '';
  }
  // At a terminal: ask without echoing what is typed.
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
  let asking = true;
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
    if (!asking || s.includes('Password')) write(s);
  };
  const answer = await new Promise<string>((resolve) => rl.question('Password: ', resolve));
  asking = false;
  rl.close();
  process.stdout.write('\n');
  return answer;
}

const USAGE = 'Usage: npm run coordinator -- add NAME [--role admin|coordinator|viewer] [--unit UNIT_ID ...] | set NAME --role ROLE [--unit UNIT_ID ...] | list';
const parsed = argumentsOrExit(USAGE);
const [command, username] = parsed.words;
const roleOption = parsed.options.get('role')?.at(-1);
if (roleOption !== undefined && !(ROLES as readonly string[]).includes(roleOption)) fail(`The role is one of ${ROLES.join(', ')}.`);
const config = readConfig();

if (command === 'list') {
  const db = await openConfiguredDatabase(config.dataDir, config.database, { firstUnitName: config.firstUnitName });
  for (const account of await listCoordinators(db)) console.log(`${account.username}  ${account.role}  ${account.role === 'admin' ? 'all units' : account.units.join(', ')}`);
  await db.close();
  process.exit(0);
}
if ((command !== 'add' && command !== 'set') || !username) fail(USAGE);
if (!/^[\p{L}\p{N}._@-]{2,64}$/u.test(username)) fail('A username is 2–64 letters, digits or . _ @ -');
if (command === 'set' && roleOption === undefined) fail(USAGE);
const role = (roleOption ?? 'admin') as Role;

const password = command === 'add' ? await readPassword() : '';
const problem = command === 'add' ? passwordProblem(password) : null;
if (problem) fail(problem);
const db = await openConfiguredDatabase(config.dataDir, config.database, { firstUnitName: config.firstUnitName });
const known = (await listUnits(db)).map((unit) => unit.id);
const asked = parsed.options.get('unit') ?? [];
const unknown = asked.find((unit) => !known.includes(unit));
if (unknown !== undefined) {
  await db.close();
  fail(`There is no unit ${unknown}. The units are: ${known.join(', ')} (npm run unit -- list).`);
}
const units = role === 'admin' ? [] : asked.length > 0 ? asked : known.length === 1 ? known : [];
if (role !== 'admin' && units.length === 0) {
  await db.close();
  fail(`Name the units of a ${role} with --unit (the units are: ${known.join(', ')}).`);
}
const done =
  command === 'add'
    ? await addCoordinator(db, username, await hashPassword(password), new Date(), { role, units })
    : await setCoordinatorAccess(db, username, { role, units });
if (done) await audit(db, COMMAND_LINE, command === 'add' ? 'coordinator-added' : 'coordinator-changed', `${username} as ${role}`, new Date(), units);
await db.close();
if (!done) fail(command === 'add' ? `A coordinator named ${username} already exists.` : `There is no coordinator ${username}.`);
const scope = role === 'admin' ? 'area administrator (all units)' : `${role === 'coordinator' ? 'unit coordinator' : 'viewer'} of ${units.join(', ')}`;
console.log(`Coordinator ${username} ${command === 'add' ? 'added' : 'changed'}: ${scope}.`);
