import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashSecret } from '../credentials';
import type { Database } from '../db/database';
import { kioskByTokenHash, type KioskRow } from '../db/kiosks';

declare module 'fastify' {
  interface FastifyRequest {
    kiosk?: KioskRow;
  }
}

export const NOT_ENROLLED =
  'This kiosk is not enrolled, or its enrollment was revoked. Enroll it again from the staff menu with a new pairing code.';

/**
 * Lets a request through only with the device token of an enrolled, not revoked kiosk. Runs
 * on request, before the body is read or validated: a stranger learns nothing but 401.
 */
export function requireKiosk(db: Database) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers.authorization ?? '';
    const token = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header)?.[1];
    const kiosk = token ? await kioskByTokenHash(db, hashSecret(token)) : undefined;
    if (!kiosk) {
      return reply.code(401).header('www-authenticate', 'Bearer').send({ error: NOT_ENROLLED });
    }
    request.kiosk = kiosk;
  };
}
