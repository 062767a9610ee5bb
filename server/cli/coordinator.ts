/**
 * Coordinator accounts from the command line:
 *   npm run coordinator -- add NAME
 * The password is asked for at a prompt, or read from standard input when that is not a
 * terminal (echo "$PASSWORD" | npm run coordinator -- add NAME).
 */
import { createInterface } from 'node:readline';
import { readConfig } from '../config';
import { audit, COMMAND_LINE } from '../db/audit-log';
import { addCoordinator } from '../db/coordinators';
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

const [command, username] = process.argv.slice(2);
if (command !== 'add' || !username) fail('Usage: npm run coordinator -- add NAME');
if (!/^[\p{L}\p{N}._@-]{2,64}$/u.test(username)) fail('A username is 2–64 letters, digits or . _ @ -');

const password = await readPassword();
const problem = passwordProblem(password);
if (problem) fail(problem);
const config = readConfig();
const db = await openConfiguredDatabase(config.dataDir, config.database);
const added = await addCoordinator(db, username, await hashPassword(password), new Date());
if (added) await audit(db, COMMAND_LINE, 'coordinator-added', username);
await db.close();
if (!added) fail(`A coordinator named ${username} already exists.`);
console.log(`Coordinator ${username} added.`);
