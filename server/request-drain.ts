import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

/**
 * How much of a request body the server reads and throws away before answering early
 * (401 before the body is read, 413 for a body over its limit). Twice the largest body a route
 * takes (a kiosk's sync batch, 3 MB), and a bound on the time it may take: past either, the
 * server closes without reading on, rather than serve as a sink for anyone's upload.
 */
export const DRAIN_LIMIT_BYTES = 8 * 1024 * 1024;
export const DRAIN_TIMEOUT_MS = 15_000;

/**
 * Reads the rest of a request body and discards it. A server that answers and closes while the
 * client is still sending makes the client's operating system see a reset, which often throws
 * away the answer it had already received: the kiosk would see a broken connection instead of
 * "not enrolled" or "too large". Resolves true when the body was read to its end.
 */
export function drainBody(raw: IncomingMessage, limit = DRAIN_LIMIT_BYTES, timeoutMs = DRAIN_TIMEOUT_MS): Promise<boolean> {
  if (raw.complete || raw.destroyed || raw.readableEnded) return Promise.resolve(raw.complete);
  return new Promise<boolean>((resolve) => {
    let read = 0;
    const finish = (whole: boolean) => {
      clearTimeout(timer);
      raw.off('data', onData);
      raw.off('end', onEnd);
      raw.off('error', onError);
      raw.off('close', onClose);
      if (!whole) raw.pause();
      resolve(whole);
    };
    const onData = (chunk: Buffer) => {
      read += chunk.length;
      if (read > limit) finish(false);
    };
    const onEnd = () => finish(true);
    const onError = () => finish(false);
    const onClose = () => finish(raw.complete);
    const timer = setTimeout(() => finish(false), timeoutMs);
    raw.on('data', onData);
    raw.once('end', onEnd);
    raw.once('error', onError);
    raw.once('close', onClose);
    raw.resume();
  });
}

/** Before any answer goes out, reads what is left of the request body (up to the limits above). */
export function drainBeforeAnswering(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.raw.complete) return payload;
    // Read to its end: the connection can stay open. Not: close it once the answer is out.
    if (!(await drainBody(request.raw))) reply.header('connection', 'close');
    return payload;
  });
}
