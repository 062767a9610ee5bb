import type { Database } from './database';

/** Adds a coordinator; returns false if the username is taken. */
export function addCoordinator(db: Database, username: string, passwordHash: string, now: Date): boolean {
  return (
    db
      .prepare('INSERT INTO coordinators (username, password_hash, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
      .run(username, passwordHash, now.toISOString()).changes === 1
  );
}

export function coordinatorPasswordHash(db: Database, username: string): string | undefined {
  const row = db.prepare('SELECT password_hash AS hash FROM coordinators WHERE username = ?').get(username) as
    | { hash: string }
    | undefined;
  return row?.hash;
}

export function setCoordinatorPassword(db: Database, username: string, passwordHash: string): void {
  db.prepare('UPDATE coordinators SET password_hash = ? WHERE username = ?').run(passwordHash, username);
}
