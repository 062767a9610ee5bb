import { createServer, type Server } from 'node:http';

/** A host name or address as the Host header may carry it, without a port. */
const HOST_NAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])$/i;

/**
 * Where a plain-HTTP request is sent: the same host and path over HTTPS. Null for a Host header
 * that is missing or not a host name, so nothing the client sends can shape another address.
 */
export function httpsLocation(hostHeader: string | undefined, path: string, httpsPort: number): string | null {
  if (!hostHeader) return null;
  const host = hostHeader.replace(/:\d+$/, '');
  if (!HOST_NAME.test(host)) return null;
  const port = httpsPort === 443 ? '' : `:${httpsPort}`;
  const safePath = path.startsWith('/') ? path : '/';
  return `https://${host}${port}${safePath}`;
}

/**
 * A plain-HTTP listener that only redirects to HTTPS (308 keeps a POST a POST). It serves no
 * content and reads no body, and logs nothing: like the app, it keeps no addresses.
 */
export function createHttpsRedirectServer(httpsPort: number): Server {
  return createServer((request, response) => {
    const location = httpsLocation(request.headers.host, request.url ?? '/', httpsPort);
    if (!location) {
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }).end('Use HTTPS.\n');
      return;
    }
    response.writeHead(308, { location, 'content-type': 'text/plain; charset=utf-8', connection: 'close' }).end(`Moved to ${location}\n`);
  });
}
