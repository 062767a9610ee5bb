import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { may, type Access, type Capability } from '../access';
import { hashSecret } from '../credentials';
import { coordinatorAccount } from '../db/coordinators';
import type { Database } from '../db/database';
import { liveSession, touchSession } from '../db/sessions';
import { listUnits } from '../db/units';

declare module 'fastify' {
  interface FastifyRequest {
    coordinator?: { username: string; sessionIdHash: string };
    /** What the signed-in coordinator may reach (set before a coordinator route's handler runs). */
    access?: Access;
  }
  interface FastifyContextConfig {
    /** The capability a coordinator route needs (server/access.ts), or 'public' for sign-in itself. */
    access?: Capability | 'public';
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

/** The signed-in coordinator's role and units, or null for an account that is gone. */
export async function accessOf(db: Database, username: string): Promise<Access | null> {
  const account = await coordinatorAccount(db, username);
  if (!account) return null;
  const units = account.role === 'admin' ? (await listUnits(db)).map((unit) => unit.id) : account.units;
  return { username, role: account.role, units };
}

/**
 * Lets a request through only with a live coordinator session whose role has the capability:
 * 401 when not signed in, 403 when the role does not have it. Sets request.access for the
 * handler, which limits what it reads and changes to the user's units.
 */
export function requireAccess(db: Database, capability: Capability) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const coordinator = await sessionCoordinator(db, request, reply);
    if (!coordinator) return reply.code(401).send({ error: NOT_SIGNED_IN });
    const access = await accessOf(db, coordinator.username);
    if (!access) return reply.code(401).send({ error: NOT_SIGNED_IN });
    if (!may(access.role, capability)) return reply.code(403).send({ error: 'Your role does not let you see or do this. An area administrator can change your role.' });
    request.coordinator = coordinator;
    request.access = access;
  };
}

/** Where the coordinator's area lives: every route under it names the capability it needs. */
export const COORDINATOR_ROUTES = '/api/coordinator/';

/** A coordinator route and the access it needs, as registered. */
export interface CoordinatorRoute {
  method: string;
  url: string;
  access: Capability | 'public';
}

const registered = new WeakMap<FastifyInstance, CoordinatorRoute[]>();

/** Every coordinator route of an app, as enforceAccess saw them registered (the access test walks them all). */
export function coordinatorRoutesOf(app: FastifyInstance): CoordinatorRoute[] {
  return registered.get(app) ?? [];
}

/**
 * Gives every coordinator route the access check its `config.access` names, and refuses to start
 * a server with a coordinator route that names none: a new route cannot forget to ask.
 */
export function enforceAccess(app: FastifyInstance, db: Database): void {
  const routes: CoordinatorRoute[] = [];
  registered.set(app, routes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith(COORDINATOR_ROUTES) || route.method === 'HEAD') return;
    const access = (route.config as { access?: Capability | 'public' } | undefined)?.access;
    if (access === undefined) throw new Error(`The coordinator route ${String(route.method)} ${route.url} does not say what access it needs (config.access).`);
    for (const method of [route.method].flat()) routes.push({ method: String(method), url: route.url, access });
    if (access === 'public') return;
    const own = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
    route.onRequest = [...own, requireAccess(db, access)];
  });
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
