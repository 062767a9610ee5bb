import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { kioskSummary, pairingAnswer, pairingRequest, RECENT_DAYS, recentDays, type KioskSummary } from '../../src/domain/kiosk-admin';
import { localDay } from '../../src/domain/local-day';
import { addDays } from '../../src/domain/periods';
import { errorAnswer } from '../../src/domain/sync-protocol';
import { unitList } from '../../src/domain/units';
import { unitsAskedFor } from '../access';
import { audit } from '../db/audit-log';
import type { Database } from '../db/database';
import { kioskById, listKiosks, revokeKiosk } from '../db/kiosks';
import { madeReceivedBetween, madeReceivedFrom } from '../db/made-received-counts';
import { makePairingCode } from '../pairing';
import { sameOriginOnly } from './coordinator-auth';

/** The kiosks of these units with their state at last sync and their made and received for the recent Helsinki dates up to `now`. */
export async function kioskSummaries(db: Database, units: readonly string[], now: Date): Promise<KioskSummary[]> {
  const today = localDay(now).date;
  const rows = await madeReceivedBetween(db, addDays(today, -(RECENT_DAYS - 1)), today);
  const comparableFrom = await madeReceivedFrom(db);
  return (await listKiosks(db, units)).map((kiosk) => ({
    ...kiosk,
    days: recentDays(
      rows.filter((row) => row.kioskId === kiosk.id),
      today,
      comparableFrom,
    ),
  }));
}

const NO_KIOSK = 'There is no such kiosk among your units.';

/** Kiosks for coordinators, of their units: state at last sync, made and received, new pairing codes, revocation. */
export function kioskAdminRoutes(app: FastifyInstance, db: Database, clock: () => Date) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/coordinator/kiosks',
    {
      config: { access: 'kiosks' },
      schema: { hide: true, querystring: z.strictObject({ units: z.optional(unitList) }), response: { 200: z.strictObject({ kiosks: z.array(kioskSummary) }), 401: errorAnswer, 403: errorAnswer, 404: errorAnswer } },
    },
    async (request) => ({ kiosks: await kioskSummaries(db, unitsAskedFor(request.access!, request.query.units), clock()) }),
  );

  api.post(
    '/api/coordinator/kiosks/pairing-codes',
    {
      onRequest: sameOriginOnly,
      config: { access: 'kiosks' },
      schema: { hide: true, body: pairingRequest, response: { 201: pairingAnswer, 400: errorAnswer, 401: errorAnswer, 403: errorAnswer, 404: errorAnswer } },
    },
    async (request, reply) => {
      const { name, unit } = request.body;
      const units = unitsAskedFor(request.access!, unit === undefined ? undefined : [unit]);
      if (units.length !== 1) return reply.code(400).send({ error: 'Say which unit the kiosk is for: you have several.' });
      const { code, expiresAt } = await makePairingCode(db, name, units[0]!);
      await audit(db, request.coordinator!.username, 'kiosk-paired', name, new Date(), units);
      return reply.code(201).send({ code, name, unit: units[0]!, expiresAt: expiresAt.toISOString() });
    },
  );

  api.post(
    '/api/coordinator/kiosks/:id/revoke',
    {
      onRequest: sameOriginOnly,
      config: { access: 'kiosks' },
      schema: { hide: true, params: z.strictObject({ id: z.string().check(z.maxLength(64)) }), response: { 204: z.null(), 401: errorAnswer, 403: errorAnswer, 404: errorAnswer } },
    },
    async (request, reply) => {
      // Another unit's kiosk is answered as one that does not exist.
      const kiosk = await kioskById(db, request.params.id);
      if (!kiosk || !request.access!.units.includes(kiosk.unitId)) return reply.code(404).send({ error: NO_KIOSK });
      await revokeKiosk(db, kiosk.id, new Date());
      await audit(db, request.coordinator!.username, 'kiosk-revoked', kiosk.id, new Date(), [kiosk.unitId]);
      return reply.code(204).send(null);
    },
  );
}
