import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { cleanDayLogEntry, dayLogEntry } from '../../src/domain/day-log';
import { identifier } from '../../src/domain/form-schema';
import { errorAnswer } from '../../src/domain/sync-protocol';
import { unitList } from '../../src/domain/units';
import { unitsAskedFor } from '../access';
import { audit } from '../db/audit-log';
import { inTransaction, type Database } from '../db/database';
import { dayLogBetween, saveDayLog } from '../db/day-log';
import { sameOriginOnly } from './coordinator-auth';

const dayLogQuery = z
  .strictObject({ from: z.iso.date(), to: z.iso.date(), units: z.optional(unitList) })
  .check(z.refine((range) => range.from <= range.to, 'from must not be after to'));

/** The day log of each unit: meals served, professionals present and a note per date. */
export function dayLogRoutes(app: FastifyInstance, db: Database) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/coordinator/day-log',
    {
      config: { access: 'day-log' },
      schema: {
        hide: true,
        querystring: dayLogQuery,
        response: { 200: z.strictObject({ days: z.array(z.extend(dayLogEntry, { unit: z.string() })) }), 401: errorAnswer, 403: errorAnswer, 404: errorAnswer },
      },
    },
    async (request) => ({ days: await dayLogBetween(db, unitsAskedFor(request.access!, request.query.units), request.query.from, request.query.to) }),
  );

  api.put(
    '/api/coordinator/day-log/:unit/:date',
    {
      onRequest: sameOriginOnly,
      config: { access: 'day-log' },
      schema: {
        hide: true,
        params: z.strictObject({ unit: identifier, date: z.iso.date() }),
        body: dayLogEntry,
        response: { 200: dayLogEntry, 400: errorAnswer, 401: errorAnswer, 403: errorAnswer, 404: errorAnswer },
      },
    },
    async (request, reply) => {
      const [unit] = unitsAskedFor(request.access!, [request.params.unit]);
      if (request.body.date !== request.params.date) {
        return reply.code(400).send({ error: `The body is for ${request.body.date}, the address for ${request.params.date}.` });
      }
      const entry = cleanDayLogEntry(request.body);
      await inTransaction(db, async (trx) => {
        await saveDayLog(trx, unit!, entry, request.coordinator!.username, new Date());
        await audit(trx, request.coordinator!.username, 'day-log-saved', entry.date, new Date(), [unit!]);
      });
      return entry;
    },
  );
}
