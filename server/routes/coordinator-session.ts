import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { coordinatorSession, passwordChangeRequest, signInRequest } from '../../src/domain/coordinator-api';
import { errorAnswer } from '../../src/domain/sync-protocol';
import { hashSecret } from '../credentials';
import { audit } from '../db/audit-log';
import { coordinatorPasswordHash, setCoordinatorPassword } from '../db/coordinators';
import { inTransaction, type Database } from '../db/database';
import { createSession, endOtherSessions, endSession, removeExpiredSessions } from '../db/sessions';
import { unitsByIds } from '../db/units';
import { hashPassword, passwordProblem, verifyPassword } from '../passwords';
import {
  accessOf,
  sessionCoordinator,
  clearSessionCookie,
  newSessionId,
  sameOriginOnly,
  SESSION_MAX_MS,
  setSessionCookie,
} from './coordinator-auth';

const WRONG_CREDENTIALS = 'The username or the password is wrong.';
// Checked against when the username is unknown, so an answer takes as long either way and
// does not tell which usernames exist.
const DUMMY_HASH = await hashPassword('not a real password, only for timing');

// Sign-in attempts are counted over 15 minutes.
const ATTEMPT_WINDOW_MS = 15 * 60_000;

/** Sign in, who am I, sign out, and a coordinator's own password. */
export function coordinatorSessionRoutes(app: FastifyInstance, db: Database) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const signedIn = { access: 'account' as const };
  const session = async (username: string) => {
    const access = (await accessOf(db, username))!;
    return { username, role: access.role, units: await unitsByIds(db, access.units) };
  };
  const username = (request: FastifyRequest) => (request.body as { username: string }).username.toLowerCase();
  // Per username and address, so guessing from one place stops soon without letting a stranger
  // lock a coordinator out from everywhere; per address, against trying many usernames; and
  // per username overall, high enough that only a spread-out attack reaches it.
  const limits = [
    app.createRateLimit({ max: 10, timeWindow: ATTEMPT_WINDOW_MS, keyGenerator: (request) => `user-address:${username(request)}|${request.ip}` }),
    app.createRateLimit({ max: 30, timeWindow: ATTEMPT_WINDOW_MS }),
    app.createRateLimit({ max: 100, timeWindow: ATTEMPT_WINDOW_MS, keyGenerator: (request) => `user:${username(request)}` }),
  ];
  const tooMany = (reply: FastifyReply, seconds: number) =>
    reply
      .code(429)
      .header('retry-after', String(seconds))
      .send({ error: `Too many sign-in attempts. Try again in ${Math.ceil(seconds / 60)} minutes.` });
  const hide = { hide: true };

  api.post(
    '/api/coordinator/session',
    {
      onRequest: sameOriginOnly,
      config: { access: 'public' },
      schema: { ...hide, body: signInRequest, response: { 200: coordinatorSession, 400: errorAnswer, 401: errorAnswer, 403: errorAnswer, 429: errorAnswer } },
    },
    async (request, reply) => {
      for (const limit of limits) {
        // isAllowed means "on the allow list"; isExceeded is the limit's answer.
        const check = await limit(request);
        if (!check.isAllowed && check.isExceeded) return tooMany(reply, check.ttlInSeconds);
      }
      const { username, password } = request.body;
      const stored = await coordinatorPasswordHash(db, username);
      const matches = await verifyPassword(password, stored ?? DUMMY_HASH);
      if (!stored || !matches) {
        await audit(db, stored ? username : 'unknown username', 'sign-in-failed');
        return reply.code(401).send({ error: WRONG_CREDENTIALS });
      }
      const sessionId = newSessionId();
      const now = new Date();
      await removeExpiredSessions(db, now);
      await createSession(db, hashSecret(sessionId), username, now, new Date(now.getTime() + SESSION_MAX_MS));
      await audit(db, username, 'sign-in');
      setSessionCookie(request, reply, sessionId);
      return session(username);
    },
  );

  api.get(
    '/api/coordinator/session',
    { config: signedIn, schema: { ...hide, response: { 200: coordinatorSession, 401: errorAnswer } } },
    async (request) => session(request.coordinator!.username),
  );

  // The page asks this first: signed out is an answer, not an error (a 401 here would be a
  // console error on every visit to the sign-in page).
  api.get(
    '/api/coordinator/whoami',
    { config: { access: 'public' }, schema: { ...hide, response: { 200: z.strictObject({ username: z.nullable(z.string()) }) } } },
    async (request, reply) => ({ username: (await sessionCoordinator(db, request, reply))?.username ?? null }),
  );

  api.delete(
    '/api/coordinator/session',
    { onRequest: sameOriginOnly, config: signedIn, schema: { ...hide, response: { 204: z.null(), 401: errorAnswer, 403: errorAnswer } } },
    async (request, reply) => {
      await endSession(db, request.coordinator!.sessionIdHash);
      await audit(db, request.coordinator!.username, 'sign-out');
      clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  );

  api.put(
    '/api/coordinator/password',
    {
      onRequest: sameOriginOnly,
      config: signedIn,
      schema: { ...hide, body: passwordChangeRequest, response: { 204: z.null(), 400: errorAnswer, 401: errorAnswer, 403: errorAnswer } },
    },
    async (request, reply) => {
      const { username, sessionIdHash } = request.coordinator!;
      const { currentPassword, newPassword } = request.body;
      if (!(await verifyPassword(currentPassword, (await coordinatorPasswordHash(db, username)) ?? DUMMY_HASH))) {
        return reply.code(400).send({ error: 'The current password is wrong.' });
      }
      const problem = passwordProblem(newPassword);
      if (problem) return reply.code(400).send({ error: problem });
      const hash = await hashPassword(newPassword);
      await inTransaction(db, async (trx) => {
        await setCoordinatorPassword(trx, username, hash);
        // Whoever else was signed in with the old password is signed out.
        await endOtherSessions(trx, username, sessionIdHash);
        await audit(trx, username, 'password-changed');
      });
      return reply.code(204).send(null);
    },
  );
}
