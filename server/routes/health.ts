import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { databaseWriteProblem, migrationsApplied, type Database } from '../db/database';
import { freeDiskBytes } from '../db/database-size';

/** Below this much free space where the database lives, the server says it is not ready. */
export const DEFAULT_MIN_FREE_DISK_BYTES = 500 * 1024 * 1024;

const readiness = z.strictObject({
  ready: z.boolean(),
  checks: z.strictObject({ databaseWritable: z.boolean(), migrationsApplied: z.boolean(), diskSpace: z.boolean() }),
});

/**
 * For load balancers and uptime monitors: /api/health says the process is alive, /api/ready
 * (200 or 503) whether it can take kiosks' responses now. Neither holds any data, and neither
 * writes a log line unless something is wrong: a monitor asks every few seconds.
 */
export function healthRoutes(app: FastifyInstance, db: Database, minFreeDiskBytes = DEFAULT_MIN_FREE_DISK_BYTES) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/health',
    { logLevel: 'warn', schema: { summary: 'Whether the server process is alive', response: { 200: z.strictObject({ alive: z.literal(true) }) } } },
    async () => ({ alive: true as const }),
  );

  api.get(
    '/api/ready',
    {
      logLevel: 'warn',
      schema: {
        summary: 'Whether the server can take responses now',
        description: 'Ready when the database takes a write, every migration is applied and the disk has room. 503 otherwise.',
        response: { 200: readiness, 503: readiness },
      },
    },
    async (request, reply) => {
      const problem = await databaseWriteProblem(db);
      if (problem) request.log.warn({ problem }, 'the database does not take writes');
      // A disk whose free space cannot be read is not one to take responses on. On PostgreSQL the
      // database's disk is the database server's, out of this one's sight: there is none to check.
      const free = db.sqlite ? ((await freeDiskBytes(db)) ?? 0) : null;
      if (free !== null && free < minFreeDiskBytes) request.log.warn({ freeMb: Math.floor(free / 1024 / 1024) }, 'little free disk space');
      const checks = {
        databaseWritable: problem === null,
        // openPostgresDatabase brings PostgreSQL to this release's schema, or the server does not start.
        migrationsApplied: db.sqlite ? migrationsApplied(db.sqlite.connection) : true,
        diskSpace: free === null || free >= minFreeDiskBytes,
      };
      const ready = Object.values(checks).every(Boolean);
      return reply.code(ready ? 200 : 503).send({ ready, checks });
    },
  );
}

