import type { TestProject } from 'vitest/node';
import { openPostgresDatabase } from './db/postgres/migrate';
import { NO_DURABILITY, startThrowawayPostgres } from './test-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The throwaway cluster's postgres://… and its database with the schema, to copy per test. */
    postgres: { base: string; template: string };
  }
}

/**
 * For the tests on PostgreSQL (the `postgres` project in vitest.config.ts): one throwaway cluster
 * for the whole run, tuned for throwaway data (no fsync), with a database brought to this
 * release's schema that each test server copies (CREATE DATABASE … TEMPLATE) in milliseconds.
 * Stopped at the end of the run, also when tests fail.
 */
export default async function setup(project: TestProject) {
  const cluster = await startThrowawayPostgres({ settings: NO_DURABILITY });
  try {
    const template = 'feedback_template';
    const db = await openPostgresDatabase(await cluster.createDatabase(template), { poolSize: 1 });
    await db.close();
    project.provide('postgres', { base: cluster.base, template });
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return () => cluster.stop();
}
