import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

// The service worker, the page and the manifest must always be checked again, or a kiosk could
// keep an old version for a year; hashed assets never change under their name.
const ALWAYS_REVALIDATE = new Set(['/sw.js', '/index.html', '/coordinator.html', '/manifest.webmanifest', '/registerSW.js']);

/** Serves the built kiosk app, precompressed, with caching that fits each kind of file. */
export async function staticFileRoutes(app: FastifyInstance, staticDir: string) {
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`No built app in ${staticDir}: run "npm run build" first.`);
  }
  await app.register(fastifyStatic, {
    root: staticDir,
    wildcard: false,
    index: ['index.html'],
    // The build writes .br and .gz beside each text file (scripts/precompress.mjs): sent to a
    // browser that accepts them, with Vary: Accept-Encoding; nothing is compressed per request.
    preCompressed: true,
    cacheControl: false,
    setHeaders(res, path) {
      // The file sent may be the precompressed copy: its headers are the original's.
      const url = path.slice(staticDir.length).replace(/\\/g, '/').replace(/\.(br|gz)$/, '');
      if (ALWAYS_REVALIDATE.has(url)) res.header('cache-control', 'no-cache');
      else if (url.startsWith('/assets/')) res.header('cache-control', 'public, max-age=31536000, immutable');
      else res.header('cache-control', 'public, max-age=3600');
    },
  });
  // Two pages: the coordinator's area under /coordinator, the kiosk everywhere else outside
  // the API (it shows its start).
  app.setNotFoundHandler((request, reply) => {
    if (request.method === 'GET' && !request.url.startsWith('/api/')) {
      const page = /^\/coordinator(\/|\?|$)/.test(request.url) ? 'coordinator.html' : 'index.html';
      return reply.header('cache-control', 'no-cache').sendFile(page);
    }
    return reply.code(404).send({ error: `There is no ${request.method} ${request.url.split('?')[0]} here.` });
  });
}
