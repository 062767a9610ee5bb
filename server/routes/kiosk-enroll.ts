import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { enrollAnswer, enrollRequest, errorAnswer, type EnrollAnswer } from '../../src/domain/sync-protocol';
import { hashSecret, newDeviceToken, normalisePairingCode } from '../credentials';
import type { Database } from '../db/database';
import { enrollWithPairingCode } from '../db/kiosks';

/** POST /api/kiosk/enroll: a pairing code in, a device token out (shown to this kiosk only). */
export function kioskEnrollRoutes(app: FastifyInstance, db: Database) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/kiosk/enroll',
    {
      schema: {
        summary: 'Enroll a kiosk',
        description:
          'Uses a one-time pairing code (valid 24 hours) and answers with a device token of 256 random bits. ' +
          'The server keeps only a hash of the token; a coordinator can revoke it.',
        body: enrollRequest,
        response: { 201: enrollAnswer, 400: errorAnswer, 401: errorAnswer },
      },
    },
    async (request, reply) => {
      const token = newDeviceToken();
      const kiosk = await enrollWithPairingCode(db, {
        codeHash: hashSecret(normalisePairingCode(request.body.pairingCode)),
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
    },
  );
}
