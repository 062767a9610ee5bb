import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../db/database';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../test-postgres';

let cluster: ThrowawayPostgres;
let dataDir: string;
beforeAll(async () => {
  cluster = await startThrowawayPostgres();
  dataDir = mkdtempSync(join(tmpdir(), 'feedback-move-cli-'));
  copyFileSync(resolve('server/db/fixtures/release-0.1.0.sqlite'), join(dataDir, DATABASE_FILE));
});
afterAll(async () => {
  await cluster.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function run(args: string[]): Promise<{ status: number | null; out: string; err: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve('server/cli/move-to-postgres.ts'), ...args], { env: { ...process.env, DATA_DIR: dataDir } });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += String(chunk)));
    child.stderr.on('data', (chunk: Buffer) => (err += String(chunk)));
    child.on('close', (status) => done({ status, out, err }));
  });
}

describe('npm run move-to-postgres', () => {
  it('moves the centre, says what it copied, and refuses to copy onto it again', async () => {
    const url = await cluster.createDatabase('moved');
    const first = await run([url]);
    expect(first.err).toBe('');
    expect(first.status).toBe(0);
    expect(first.out).toMatch(/^responses: \d+ rows$/m);
    expect(first.out).toMatch(/^answer_counts: \d+ rows, count \d+$/m);
    expect(first.out).toContain('Done: every table matches.');

    const again = await run([url]);
    expect(again.status).toBe(1);
    expect(again.err).toMatch(/Nothing was moved: .*already holds data/);
  });

  it('asks for the target when it is not given', async () => {
    const result = await run([]);
    expect(result.status).toBe(2);
    expect(result.err).toContain('npm run move-to-postgres -- postgres://');
  });
});
