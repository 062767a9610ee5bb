import { defineConfig } from 'vitest/config';

/** The server's tests that run on PostgreSQL as well: those that start a server or open a test database. */
const ON_BOTH_DATABASES = ['server/routes/*.test.ts', 'server/backup/backup-once.test.ts', 'server/db/export-reader.test.ts', 'server/db/rate-limits.test.ts', 'server/db/made-received-counts.test.ts', 'server/retention.test.ts', 'server/multi-instance.test.ts', 'server/database-unreachable.test.ts'];

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify('test'),
  },
  test: {
    environment: 'node',
    // A ceiling, not a delay: tests that start real processes (the command line, a server) take
    // seconds on a busy machine, and the default of 5 s failed them there.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: 'sqlite', include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'deploy/**/*.test.ts'], exclude: ['server/multi-instance.test.ts', 'server/database-unreachable.test.ts'] },
      },
      {
        // The same server tests on a throwaway PostgreSQL cluster (server/test-postgres-setup.ts).
        extends: true,
        test: { name: 'postgres', include: ON_BOTH_DATABASES, env: { TEST_DATABASE: 'postgres' }, globalSetup: ['server/test-postgres-setup.ts'] },
      },
    ],
  },
});
