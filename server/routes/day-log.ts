import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { cleanDayLogEntry, dayLogEntry } from '../../src/domain/day-log';
import { errorAnswer } from '../../src/domain/sync-protocol';
import { audit } from '../db/audit-log';
import { inTransaction, type Database } from '../db/database';
import { dayLogBetween, saveDayLog } from '../db/day-log';
import { requireCoordinator, sameOriginOnly } from './coordinator-auth';

const dateRange = z
  .strictObject({ from: z.iso.date(), to: z.iso.date() })
  .check(z.refine((range) => range.from <= range.to, 'from must not be after to'));

/** The day log: meals served, professionals present and a note per date. */
export function dayLogRoutes(app: FastifyInstance, db: Database) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const signedIn = requireCoordinator(db);

  api.get(
    '/api/coordinator/day-log',
    {
      onRequest: signedIn,
      schema: { hide: true, querystring: dateRange, response: { 200: z.strictObject({ days: z.array(dayLogEntry) }), 401: errorAnswer } },
    },
    async (request) => ({ days: await dayLogBetween(db, request.query.from, request.query.to) }),
  );

  api.put(
    '/api/coordinator/day-log/:date',
    {
      onRequest: [sameOriginOnly, signedIn],
      schema: {
        hide: true,
        params: z.strictObject({ date: z.iso.date() }),
        body: dayLogEntry,
        response: { 200: dayLogEntry, 400: errorAnswer, 401: errorAnswer, 403: errorAnswer },
      },
    },
    async (request, reply) => {
      if (request.body.date !== request.params.date) {
        return reply.code(400).send({ error: `The body is for ${request.body.date}, the address for ${request.params.date}.` });
      }
      const entry = cleanDayLogEntry(request.body);
      await inTransaction(db, async (trx) => {
        await saveDayLog(trx, entry, request.coordinator!.username, new Date());
        await audit(trx, request.coordinator!.username, 'day-log-saved', entry.date);
      });
      return entry;
    },
  );
}
