import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { startAppServer, type AppServer } from './app-server';

/** Makes a pairing code with the real command line, as a coordinator would. */
export function makePairingCode(dataDir: string, name: string): string {
  const output = execFileSync(process.execPath, ['--import', 'tsx', resolve('server/cli/kiosk.ts'), 'pair', name], {
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  const code = /: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(output)?.[1];
  if (!code) throw new Error(`No pairing code in: ${output}`);
  return code;
}

/** Reads what the server stored, straight from its SQLite file (read-only). */
export function storedResponses(dataDir: string): { id: string; answers: Record<string, unknown> }[] {
  const db = new BetterSqlite3(resolve(dataDir, 'feedback.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT id, answers FROM responses').all() as { id: string; answers: string }[]).map((row) => ({
      id: row.id,
      answers: JSON.parse(row.answers) as Record<string, unknown>,
    }));
  } finally {
    db.close();
  }
}

/**
 * Publishes a new version of the default form with a changed start-screen title, straight in
 * the server's database (what the coordinator's area will do), and returns its version.
 */
export function publishNewTitle(dataDir: string, finnishTitle: string): number {
  const db = new BetterSqlite3(resolve(dataDir, 'feedback.sqlite'));
  try {
    const row = db.prepare("SELECT definition, version FROM form_versions WHERE form_id = 'todays-feedback' ORDER BY version DESC").get() as {
      definition: string;
      version: number;
    };
    const form = JSON.parse(row.definition) as { version: number; title: Record<string, string> };
    form.version = row.version + 1;
    form.title.fi = finnishTitle;
    db.prepare("INSERT INTO form_versions (form_id, version, definition, published) VALUES ('todays-feedback', ?, ?, 1)").run(
      form.version,
      JSON.stringify(form),
    );
    return form.version;
  } finally {
    db.close();
  }
}

/** Made and received as the coordinator's kiosk list counts them, summed over kiosks and dates. */
export function madeAndReceived(dataDir: string): { made: number; received: number } {
  const db = new BetterSqlite3(resolve(dataDir, 'feedback.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT coalesce(sum(made), 0) AS made, coalesce(sum(received), 0) AS received FROM made_received_counts').get() as {
      made: number;
      received: number;
    };
  } finally {
    db.close();
  }
}

export function storedFormVersions(dataDir: string): number[] {
  const db = new BetterSqlite3(resolve(dataDir, 'feedback.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT form_version AS v FROM responses').all() as { v: number }[]).map((r) => r.v);
  } finally {
    db.close();
  }
}

/** The coordinator the area's tests sign in as, and their password. */
export const COORDINATOR = { username: 'aino', password: 'kahvia ja pullaa aamulla' };

/** Adds a coordinator with the real command line, the password on standard input. */
export function addCoordinator(dataDir: string, username: string, password: string): void {
  execFileSync(process.execPath, ['--import', 'tsx', resolve('server/cli/coordinator.ts'), 'add', username], {
    env: { ...process.env, DATA_DIR: dataDir },
    input: `${password}\n`,
    encoding: 'utf8',
  });
}

/** Ends every coordinator session, as twelve hours or an idle hour would. */
export function endAllSessions(dataDir: string): void {
  const db = new BetterSqlite3(resolve(dataDir, 'feedback.sqlite'));
  try {
    db.prepare('DELETE FROM sessions').run();
  } finally {
    db.close();
  }
}

/** A real server process with the test coordinator's account made by the command line. */
export async function startServerWithCoordinator(): Promise<AppServer> {
  const server = await startAppServer();
  addCoordinator(server.dataDir, COORDINATOR.username, COORDINATOR.password);
  return server;
}

/** Reviewers' comments the server has stored, oldest first. */
export function storedComments(dataDir: string): { target: string; language: string; text: string; doneAt: string | null }[] {
  const db = new BetterSqlite3(resolve(dataDir, 'feedback.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT target, language, text, done_at AS doneAt FROM draft_comments ORDER BY created_at').all() as never;
  } finally {
    db.close();
  }
}
