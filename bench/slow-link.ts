/**
 * A slow link of our own between the browser and the server, for the benchmark: every request the
 * page and its service worker make goes through it (Chromium's own network throttle leaves the
 * service worker's downloads alone). Like DevTools' "Fast 3G": 562.5 ms added before each answer
 * starts, 1.44 Mbit/s down and 675 kbit/s up, shared by all requests at once.
 */
import { createServer, request as forward, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlowLinkOptions {
  latencyMs: number;
  downBitsPerSecond: number;
  upBitsPerSecond: number;
}

export const FAST_3G: SlowLinkOptions = { latencyMs: 562.5, downBitsPerSecond: 1_440_000, upBitsPerSecond: 675_000 };

export interface SlowLink {
  url: string;
  /** Every request so far: when it came (ms since the link opened) and its path. */
  requests(): { at: number; path: string }[];
  /** Milliseconds since the link opened, on the link's clock. */
  now(): number;
  stop(): Promise<void>;
}

const CHUNK = 4 * 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** A pipe of fixed bandwidth shared by everything sent through it, first come first served. */
function pipe(bitsPerSecond: number) {
  let freeAt = 0;
  return async (bytes: number) => {
    const start = Math.max(performance.now(), freeAt);
    freeAt = start + (bytes * 8 * 1000) / bitsPerSecond;
    await sleep(freeAt - performance.now());
  };
}

export async function startSlowLink(target: string, options: SlowLinkOptions = FAST_3G): Promise<SlowLink> {
  const opened = performance.now();
  const seen: { at: number; path: string }[] = [];
  const down = pipe(options.downBitsPerSecond);
  const up = pipe(options.upBitsPerSecond);

  const server = createServer(async (incoming, outgoing) => {
    const arrived = performance.now();
    seen.push({ at: arrived - opened, path: incoming.url ?? '/' });
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    await up(body.length);
    const reply = await new Promise<IncomingMessage>((resolve, reject) => {
      const request = forward(new URL(incoming.url ?? '/', target), { method: incoming.method, headers: incoming.headers }, resolve);
      request.once('error', reject);
      request.end(body);
    }).catch(() => null);
    // The answer starts no sooner than the link's latency after the request came.
    await sleep(arrived + options.latencyMs - performance.now());
    if (!reply) {
      outgoing.writeHead(502).end();
      return;
    }
    outgoing.writeHead(reply.statusCode ?? 502, reply.headers);
    for await (const chunk of reply) {
      const buffer = chunk as Buffer;
      for (let offset = 0; offset < buffer.length; offset += CHUNK) {
        const piece = buffer.subarray(offset, offset + CHUNK);
        await down(piece.length);
        outgoing.write(piece);
      }
    }
    outgoing.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => [...seen],
    now: () => performance.now() - opened,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
