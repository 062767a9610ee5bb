import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startThrowawayPostgres, type ThrowawayPostgres } from './test-postgres';

let cluster: ThrowawayPostgres;
beforeAll(async () => {
  cluster = await startThrowawayPostgres();
});
afterAll(() => cluster.stop());

describe('the tests’ throwaway PostgreSQL', () => {
  it('is a real PostgreSQL 15 or newer, with an empty database and room for more', async () => {
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: string }>('SHOW server_version_num');
      expect(Number((rows[0] as unknown as { server_version_num: string }).server_version_num)).toBeGreaterThanOrEqual(150000);
      const tables = await client.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'");
      expect(tables.rows[0].n).toBe(0);
    } finally {
      await client.end();
    }
    expect(await cluster.createDatabase('other')).toMatch(/\/other$/);
  });
});
