import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { startAppServer, type AppServer } from './app-server';
import { commandEnvironment, querySync } from './database';

/** Makes a pairing code with the real command line, as a coordinator would. */
export function makePairingCode(dataDir: string, name: string): string {
  const output = execFileSync(process.execPath, ['--import', 'tsx', resolve('server/cli/kiosk.ts'), 'pair', name], {
    env: commandEnvironment(dataDir),
    encoding: 'utf8',
  });
  const code = /: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(output)?.[1];
  if (!code) throw new Error(`No pairing code in: ${output}`);
  return code;
}

/** Reads what the server stored, straight from its database. */
export function storedResponses(dataDir: string): { id: string; answers: Record<string, unknown> }[] {
  return querySync<{ id: string; answers: string }>(dataDir, 'SELECT id, answers FROM responses').map((row) => ({
    id: row.id,
    answers: JSON.parse(row.answers) as Record<string, unknown>,
  }));
}

/** Every column of every response the server stored. */
export function storedResponseRows(dataDir: string): Record<string, unknown>[] {
  return querySync<Record<string, unknown>>(dataDir, 'SELECT * FROM responses');
}

/**
 * Publishes a new version of the default form with a changed start-screen title, straight in
 * the server's database (what the coordinator's area will do), and returns its version.
 */
export function publishNewTitle(dataDir: string, finnishTitle: string): number {
  const [row] = querySync<{ definition: string; version: number }>(
    dataDir,
    "SELECT definition, version FROM form_versions WHERE form_id = 'todays-feedback' ORDER BY version DESC LIMIT 1",
  );
  const form = JSON.parse(row!.definition) as { version: number; title: Record<string, string> };
  form.version = row!.version + 1;
  form.title.fi = finnishTitle;
  querySync(dataDir, "INSERT INTO form_versions (form_id, version, definition, published) VALUES ('todays-feedback', ?, ?, 1)", [form.version, JSON.stringify(form)]);
  return form.version;
}

/** Made and received as the coordinator's kiosk list counts them, summed over kiosks and dates. */
export function madeAndReceived(dataDir: string): { made: number; received: number } {
  const [row] = querySync<{ made: number; received: number }>(
    dataDir,
    'SELECT coalesce(sum(made), 0) AS made, coalesce(sum(received), 0) AS received FROM made_received_counts',
  );
  return { made: Number(row!.made), received: Number(row!.received) };
}

export function storedFormVersions(dataDir: string): number[] {
  return querySync<{ v: number }>(dataDir, 'SELECT form_version AS v FROM responses').map((r) => r.v);
}

/** The coordinator the area's tests sign in as, and their password. */
export const COORDINATOR = { username: 'aino', password: 'kahvia ja pullaa aamulla' };

/** Adds a coordinator with the real command line, the password on standard input. */
export function addCoordinator(dataDir: string, username: string, password: string): void {
  execFileSync(process.execPath, ['--import', 'tsx', resolve('server/cli/coordinator.ts'), 'add', username], {
    env: commandEnvironment(dataDir),
    input: `${password}\n`,
    encoding: 'utf8',
  });
}

/** Ends every coordinator session, as twelve hours or an idle hour would. */
export function endAllSessions(dataDir: string): void {
  querySync(dataDir, 'DELETE FROM sessions');
}

/** A real server process with the test coordinator's account made by the command line. */
export async function startServerWithCoordinator(): Promise<AppServer> {
  const server = await startAppServer();
  addCoordinator(server.dataDir, COORDINATOR.username, COORDINATOR.password);
  return server;
}

/** Reviewers' comments the server has stored, oldest first. */
export function storedComments(dataDir: string): { target: string; language: string; text: string; doneAt: string | null }[] {
  return querySync(dataDir, 'SELECT target, language, text, done_at AS "doneAt" FROM draft_comments ORDER BY created_at');
}

/** A form's draft as the server stored it, or undefined when it has none. */
export function storedDraft(dataDir: string, formId = 'todays-feedback'): { definition: { title: Record<string, string>; questions: { id: string; title: Record<string, string> }[] }; updatedBy: string } | undefined {
  const [row] = querySync<{ definition: string; updatedBy: string }>(dataDir, 'SELECT definition, updated_by AS "updatedBy" FROM form_drafts WHERE form_id = ?', [formId]);
  return row ? { definition: JSON.parse(row.definition), updatedBy: row.updatedBy } : undefined;
}

/** A kiosk enrolled straight over HTTP, as its staff menu would: its device token. */
export async function enrollOverHttp(server: AppServer, name: string): Promise<string> {
  const reply = await fetch(`${server.url}/api/kiosk/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ pairingCode: makePairingCode(server.dataDir, name) }),
  });
  return ((await reply.json()) as { token: string }).token;
}

/** One sync request of a kiosk with these responses, as its sync engine sends it. */
export function sendOverHttp(server: AppServer, token: string, responses: unknown[]) {
  return fetch(`${server.url}/api/kiosk/sync`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ appVersion: 'test', waiting: responses.length, abandoned: {}, responses }),
  });
}

/** Sets the first unit's opening hours straight in the server's database (what the coordinator's area does). */
export function setUnitHours(dataDir: string, hours: unknown): void {
  querySync(dataDir, "INSERT INTO unit_opening_hours (unit_id, hours, updated_at, updated_by) SELECT id, ?, ?, 'test' FROM units", [JSON.stringify(hours), new Date().toISOString()]);
}
