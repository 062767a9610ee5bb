import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { auditPage } from '../../src/domain/coordinator-api';
import { errorAnswer } from '../../src/domain/sync-protocol';
import { auditEntries } from '../db/audit-log';
import type { Database } from '../db/database';
import { requireCoordinator } from './coordinator-auth';
import { COMPRESSED } from '../compression';

/** GET /api/coordinator/audit-log: who did what and when, newest first, 100 at a time. */
export function auditLogRoutes(app: FastifyInstance, db: Database) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/coordinator/audit-log',
    {
      onRequest: requireCoordinator(db),
      compress: COMPRESSED,
      schema: {
        hide: true,
        querystring: z.strictObject({ before: z.optional(z.coerce.number().check(z.int(), z.gte(1))) }),
        response: { 200: auditPage, 401: errorAnswer },
      },
    },
    async (request) => ({ entries: await auditEntries(db, 100, request.query.before) }),
  );
}
