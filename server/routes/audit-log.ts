import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { auditPage } from '../../src/domain/coordinator-api';
import { errorAnswer } from '../../src/domain/sync-protocol';
import { auditEntries } from '../db/audit-log';
import type { Database } from '../db/database';
import { COMPRESSED } from '../compression';

/** GET /api/coordinator/audit-log: who did what and when, newest first, 100 at a time. */
export function auditLogRoutes(app: FastifyInstance, db: Database) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/coordinator/audit-log',
    {
      config: { access: 'audit' },
      compress: COMPRESSED,
      schema: {
        hide: true,
        querystring: z.strictObject({ before: z.optional(z.coerce.number().check(z.int(), z.gte(1))) }),
        response: { 200: auditPage, 401: errorAnswer, 403: errorAnswer },
      },
    },
    // An area administrator sees every entry; a unit coordinator those about their units.
    async (request) => ({ entries: await auditEntries(db, request.access!.role === 'admin' ? 'all' : request.access!.units, 100, request.query.before) }),
  );
}
