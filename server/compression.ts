import compress from '@fastify/compress';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { constants } from 'node:zlib';

/**
 * For a route whose answer is worth compressing: the CSV downloads and the large JSON answers
 * (the dashboard, the free texts, the audit log, the kiosk's form). Brotli at a middle quality,
 * fast enough to compress a year's responses.csv as it streams; gzip for browsers without
 * brotli; nothing under 1 KiB. Only these routes: an answer that carried a secret beside text a
 * stranger could choose would let its compressed size give the secret away (BREACH).
 */
export const COMPRESSED = {
  threshold: 1024,
  encodings: ['br', 'gzip'] as ('br' | 'gzip')[],
  brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
};

/** Registers compression for the routes that ask for it (COMPRESSED); none is compressed by default. */
export async function compression(app: FastifyInstance): Promise<void> {
  // Every answer of such a route says that it depends on Accept-Encoding, the plain one too, so
  // that no cache hands a compressed copy to a client that did not ask for it.
  app.addHook('onRoute', (route) => {
    if (route.compress !== COMPRESSED) return;
    const varyOnEncoding = async (_request: FastifyRequest, reply: FastifyReply) => {
      const vary = String(reply.getHeader('vary') ?? '');
      if (!/accept-encoding/i.test(vary)) reply.header('vary', vary ? `${vary}, accept-encoding` : 'accept-encoding');
    };
    route.onSend = [...[route.onSend ?? []].flat(), varyOnEncoding];
  });
  await app.register(compress, { global: false });
}
