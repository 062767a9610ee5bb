import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { enrollRequest, type EnrollAnswer } from '../../src/domain/sync-protocol';
import { hashSecret, newDeviceToken, normalisePairingCode } from '../credentials';
import type { Database } from '../db/database';
import { enrollWithPairingCode } from '../db/kiosks';

/** POST /api/kiosk/enroll: a pairing code in, a device token out (shown to this kiosk only). */
export function kioskEnrollRoutes(app: FastifyInstance, db: Database) {
  app.post('/api/kiosk/enroll', async (request, reply) => {
    const parsed = enrollRequest.safeParse(request.body);
    if (!parsed.success) {
      return reply.code(400).send({ error: `The enrollment request is not valid: ${z.prettifyError(parsed.error)}` });
    }
    const token = newDeviceToken();
    const kiosk = enrollWithPairingCode(db, {
      codeHash: hashSecret(normalisePairingCode(parsed.data.pairingCode)),
      kioskId: randomUUID(),
      tokenHash: hashSecret(token),
      now: new Date(),
    });
    if (!kiosk) {
      return reply
        .code(401)
        .send({ error: 'This pairing code is unknown, already used or expired. Ask a coordinator for a new one.' });
    }
    const answer: EnrollAnswer = { kioskId: kiosk.id, name: kiosk.name, token };
    return reply.code(201).send(answer);
  });
}
