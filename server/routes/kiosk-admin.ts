import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { kioskSummary, pairingAnswer, pairingRequest, RECENT_DAYS, recentDays, type KioskSummary } from '../../src/domain/kiosk-admin';
import { localDay } from '../../src/domain/local-day';
import { addDays } from '../../src/domain/periods';
import { errorAnswer } from '../../src/domain/sync-protocol';
import { audit } from '../db/audit-log';
import type { Database } from '../db/database';
import { listKiosks, revokeKiosk } from '../db/kiosks';
import { madeReceivedBetween, madeReceivedFrom } from '../db/made-received-counts';
import { makePairingCode } from '../pairing';
import { requireCoordinator, sameOriginOnly } from './coordinator-auth';

/** Every kiosk with its state at last sync and its made and received for the recent Helsinki dates up to `now`. */
export async function kioskSummaries(db: Database, now: Date): Promise<KioskSummary[]> {
  const today = localDay(now).date;
  const rows = await madeReceivedBetween(db, addDays(today, -(RECENT_DAYS - 1)), today);
  const comparableFrom = await madeReceivedFrom(db);
  return (await listKiosks(db)).map((kiosk) => ({
    ...kiosk,
    days: recentDays(
      rows.filter((row) => row.kioskId === kiosk.id),
      today,
      comparableFrom,
    ),
  }));
}

/** Kiosks for coordinators: their state at last sync, made and received, new pairing codes, revocation. */
export function kioskAdminRoutes(app: FastifyInstance, db: Database, clock: () => Date) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const signedIn = requireCoordinator(db);

  api.get(
    '/api/coordinator/kiosks',
    { onRequest: signedIn, schema: { hide: true, response: { 200: z.strictObject({ kiosks: z.array(kioskSummary) }), 401: errorAnswer } } },
    async () => ({ kiosks: await kioskSummaries(db, clock()) }),
  );

  api.post(
    '/api/coordinator/kiosks/pairing-codes',
    {
      onRequest: [sameOriginOnly, signedIn],
      schema: { hide: true, body: pairingRequest, response: { 201: pairingAnswer, 400: errorAnswer, 401: errorAnswer, 403: errorAnswer } },
    },
    async (request, reply) => {
      const name = request.body.name;
      const { code, expiresAt } = await makePairingCode(db, name);
      await audit(db, request.coordinator!.username, 'kiosk-paired', name);
      return reply.code(201).send({ code, name, expiresAt: expiresAt.toISOString() });
    },
  );

  api.post(
    '/api/coordinator/kiosks/:id/revoke',
    {
      onRequest: [sameOriginOnly, signedIn],
      schema: { hide: true, params: z.strictObject({ id: z.string().check(z.maxLength(64)) }), response: { 204: z.null(), 401: errorAnswer, 403: errorAnswer, 404: errorAnswer } },
    },
    async (request, reply) => {
      if (!(await revokeKiosk(db, request.params.id, new Date()))) return reply.code(404).send({ error: 'There is no such kiosk.' });
      await audit(db, request.coordinator!.username, 'kiosk-revoked', request.params.id);
      return reply.code(204).send(null);
    },
  );
}
