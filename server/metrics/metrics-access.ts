import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
// A local scraper sends none of these; a reverse proxy on this machine adds them to every
// request it passes on, which would otherwise reach the app from loopback too.
const PROXY_HEADERS = ['x-forwarded-for', 'x-real-ip', 'forwarded'] as const;

export interface MetricsRequest {
  /** The address of the connection itself: behind a trusted proxy, request.ip is the client's. */
  remoteAddress: string | undefined;
  headers: IncomingHttpHeaders;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether the request carries `Authorization: Bearer <token>`, compared in constant time. */
function hasToken(authorization: string | undefined, token: string): boolean {
  const match = /^bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  // Equal-length digests: the comparison takes as long whatever was sent.
  return match !== null && timingSafeEqual(digest(match[1]!), digest(token));
}

/**
 * Who may read /metrics: a program on this machine (Prometheus or its node agent beside the
 * server), not passed on by a proxy; or anyone with the metrics token, when one is set. The
 * figures hold nothing about a visitor, but they do say how the service is used.
 */
export function mayReadMetrics({ remoteAddress, headers }: MetricsRequest, token: string | null): boolean {
  if (token !== null && hasToken(headers.authorization, token)) return true;
  const proxied = PROXY_HEADERS.some((name) => headers[name] !== undefined);
  return remoteAddress !== undefined && LOOPBACK.has(remoteAddress) && !proxied;
}
