import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';

/** Past any of these the server answers 503 with Retry-After instead of taking more work. */
export interface PressureLimits {
  /** Mean event-loop delay over a sample. */
  maxEventLoopDelayMs: number;
  maxHeapUsedBytes: number;
  maxRssBytes: number;
  /** How often memory and event-loop delay are measured. */
  sampleIntervalMs: number;
  /** How long a client is asked to wait. */
  retryAfterS: number;
}

// Beside the JavaScript heap the process holds SQLite's page cache (64 MB), buffers and code.
const NATIVE_ALLOWANCE_BYTES = 192 * 1024 * 1024;

/**
 * Limits that leave room before memory runs out: 90% of the heap V8 may grow to (the server runs
 * with --max-old-space-size=160, past which V8 ends the process), and a resident size of that
 * heap plus the native allowance, or 90% of the memory the system gives the process (a systemd
 * MemoryMax, a container limit) when that is less. A second of mean event-loop delay means
 * every request is already waiting that long.
 */
export function pressureLimits(heapSizeLimit: number, memoryLimit: number | null): PressureLimits {
  const rssLimit = heapSizeLimit + NATIVE_ALLOWANCE_BYTES;
  return {
    maxEventLoopDelayMs: 1000,
    maxHeapUsedBytes: Math.floor(heapSizeLimit * 0.9),
    maxRssBytes: Math.floor(memoryLimit === null ? rssLimit : Math.min(rssLimit, memoryLimit * 0.9)),
    sampleIntervalMs: 1000,
    retryAfterS: 30,
  };
}

/** The limits for this process, from V8's heap limit and the memory the system allows it. */
export function processPressureLimits(): PressureLimits {
  // Without a limit Node reports a huge number (or 0 on some versions): then there is none.
  const constrained = process.constrainedMemory();
  const memoryLimit = constrained > 0 && constrained < totalmem() ? constrained : null;
  return pressureLimits(getHeapStatistics().heap_size_limit, memoryLimit);
}

/**
 * Sheds load under pressure: every request but those in `exempt` gets 503, Retry-After and a
 * JSON error like any other. A kiosk keeps its responses and comes back after Retry-After;
 * the liveness check and the metrics still answer, so a monitor sees why.
 */
export async function shedLoad(app: FastifyInstance, limits: PressureLimits, exempt: readonly string[]): Promise<void> {
  const exempted = new Set(exempt);
  await app.register(underPressure, {
    maxEventLoopDelay: limits.maxEventLoopDelayMs,
    maxHeapUsedBytes: limits.maxHeapUsedBytes,
    maxRssBytes: limits.maxRssBytes,
    sampleInterval: limits.sampleIntervalMs,
    exposeStatusRoute: false,
    // Waits until the answer is out: only then does the request stop here, not go on to its route.
    pressureHandler: async (request, reply) => {
      if (exempted.has(request.routeOptions.url ?? '')) return;
      await reply
        .code(503)
        .header('retry-after', String(limits.retryAfterS))
        .send({ error: 'The server is too busy just now. Nothing was stored; try again later.' });
    },
  });
}
