import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashSecret } from '../credentials';
import type { Database } from '../db/database';
import { liveSession, touchSession } from '../db/sessions';

declare module 'fastify' {
  interface FastifyRequest {
    coordinator?: { username: string; sessionIdHash: string };
  }
}

export const SESSION_COOKIE = 'coordinator_session';
/** Signed out after an hour untouched, and after 12 hours in any case. */
export const SESSION_IDLE_MS = 60 * 60_000;
export const SESSION_MAX_MS = 12 * 60 * 60_000;
// Writing last_seen_at on every request would make every read a write.
const TOUCH_EVERY_MS = 60_000;

export const NOT_SIGNED_IN = 'You are not signed in, or your session has ended. Sign in again.';

export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

/** HttpOnly, SameSite=Strict, and Secure whenever the request came over HTTPS. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, sessionId: string): void {
  reply.setCookie(SESSION_COOKIE, sessionId, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    path: '/',
    maxAge: SESSION_MAX_MS / 1000,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https', path: '/' });
}

/**
 * The coordinator whose live session the request carries, or null (a cookie of a session that
 * has ended is cleared). A session in use is kept alive.
 */
export async function sessionCoordinator(db: Database, request: FastifyRequest, reply: FastifyReply): Promise<{ username: string; sessionIdHash: string } | null> {
  const sessionId = request.cookies[SESSION_COOKIE];
  const idHash = sessionId ? hashSecret(sessionId) : null;
  const now = new Date();
  const session = idHash ? await liveSession(db, idHash, now, SESSION_IDLE_MS) : undefined;
  if (!idHash || !session) {
    if (sessionId) clearSessionCookie(request, reply);
    return null;
  }
  if (now.getTime() - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS) await touchSession(db, idHash, now);
  return { username: session.username, sessionIdHash: idHash };
}

/** Lets a request through only with a live coordinator session; 401 otherwise. */
export function requireCoordinator(db: Database) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const coordinator = await sessionCoordinator(db, request, reply);
    if (!coordinator) return reply.code(401).send({ error: NOT_SIGNED_IN });
    request.coordinator = coordinator;
  };
}

const CHANGES_STATE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses a state-changing request that another site made the browser send. The session
 * cookie is SameSite=Strict already; this checks what the browser says of the request's
 * origin too (Sec-Fetch-Site, else Origin against Host), so neither alone is relied on.
 */
export async function sameOriginOnly(request: FastifyRequest, reply: FastifyReply) {
  if (!CHANGES_STATE.has(request.method)) return;
  const site = request.headers['sec-fetch-site'];
  const origin = request.headers.origin;
  const sameSite = site ? site === 'same-origin' : origin !== undefined && originHost(origin) === request.headers.host;
  if (!sameSite) {
    return reply.code(403).send({ error: 'This request did not come from this site, so it was refused.' });
  }
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
