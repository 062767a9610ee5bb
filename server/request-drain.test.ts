import { connect, type AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countResponses } from './db/responses';
import { DRAIN_LIMIT_BYTES } from './request-drain';
import { enrollKiosk, startTestServer, type TestServer } from './test-support';

let server: TestServer;
let port: number;
let token: string;
beforeEach(async () => {
  server = await startTestServer();
  ({ token } = await enrollKiosk(server));
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  port = (server.app.server.address() as AddressInfo).port;
});
afterEach(() => server.close());

/**
 * A raw HTTP/1.1 client that sends a large sync body in 64 KiB pieces, yielding between them as
 * a client on a real network would, and reports the status line it got and any socket error
 * (a reset or a broken pipe while it was still sending).
 */
function upload(auth: string, size: number, { chunked = false, close = true } = {}) {
  return new Promise<{ status: string; error: string | null; sentAll: boolean; head?: string }>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let error: string | null = null;
    let sentAll = false;
    socket.on('data', (data) => (received += data.toString('latin1')));
    socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
    socket.on('close', () => {
      const head = received.split('\r\n\r\n')[0] ?? '';
      resolve({ status: head.split('\r\n')[0] ?? '', error, sentAll, ...(close ? {} : { head }) });
    });
    socket.on('connect', async () => {
      const length = chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${size}`;
      socket.write(`POST /api/kiosk/sync HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nAuthorization: ${auth}\r\n${length}\r\n${close ? 'Connection: close\r\n' : ''}\r\n`);
      const piece = Buffer.alloc(64 * 1024, 'a');
      for (let sent = 0; sent < size; sent += piece.length) {
        if (socket.destroyed) return;
        const body = piece.subarray(0, Math.min(piece.length, size - sent));
        const ok = socket.write(chunked ? Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n')]) : body);
        await new Promise((next) => (ok ? setImmediate(next) : socket.once('drain', next)));
      }
      if (socket.destroyed) return;
      sentAll = true;
      socket.end(chunked ? '0\r\n\r\n' : '');
    });
  });
}

describe('an early answer to a large upload', () => {
  it('reaches a client without a token as 401, after the server has read the body, not as a reset', async () => {
    for (let i = 0; i < 5; i++) {
      expect(await upload(`Bearer ${'x'.repeat(43)}`, 2.5 * 1024 * 1024)).toEqual({ status: 'HTTP/1.1 401 Unauthorized', error: null, sentAll: true });
    }
  });

  it('reaches a kiosk whose batch is over the limit as 413, with or without a length up front', async () => {
    for (const chunked of [false, true]) {
      expect(await upload(`Bearer ${token}`, 5 * 1024 * 1024, { chunked })).toEqual({ status: 'HTTP/1.1 413 Payload Too Large', error: null, sentAll: true });
    }
    expect(await countResponses(server.db)).toBe(0);
  });

  it('keeps the connection open for the next request once the body is read', async () => {
    const answer = await upload(`Bearer ${'x'.repeat(43)}`, 1024 * 1024, { close: false });
    expect(answer).toMatchObject({ status: 'HTTP/1.1 401 Unauthorized', error: null, sentAll: true });
    expect(answer.head).toMatch(/\r\nconnection: keep-alive/i);
  });

  it('stops reading a body far over any limit and closes, rather than take in anything anyone sends', async () => {
    const answer = await upload(`Bearer ${token}`, DRAIN_LIMIT_BYTES * 3);
    expect(answer.sentAll).toBe(false);
  });
});
