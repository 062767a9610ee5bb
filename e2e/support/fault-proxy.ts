import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does to the next kiosk sync requests; anything else passes through. */
export type SyncFault =
  /** Answers 500 itself; the server never sees the request. */
  | 'answer-500'
  /** Lets the server store the batch and answer, then cuts the connection: the kiosk hears nothing. */
  | 'drop-after-commit'
  /** Sends the same request to the server twice and gives the kiosk the second answer. */
  | 'send-twice'
  /** Takes the request and never answers: a hung upstream, a half-open connection. */
  | 'hang';

interface ServerAnswer {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export interface FaultProxy {
  url: string;
  /** The next `times` sync requests meet this fault. */
  arm(fault: SyncFault, times?: number): void;
  /** Sync requests seen so far, and the server's answers to them (in order). */
  syncRequests(): number;
  serverAnswers(): { status: number; body: unknown }[];
  stop(): Promise<void>;
}

async function readBody(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A real HTTP proxy between a kiosk in the browser and the real server, which can fail the
 * kiosk's sync requests in the ways networks and servers do. Like nginx in production, it
 * answers 502 Bad Gateway to anything while the server is down.
 */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const faults: SyncFault[] = [];
  const answers: { status: number; body: unknown }[] = [];
  let syncRequests = 0;

  const toServer = (incoming: IncomingMessage, body: Buffer) =>
    new Promise<ServerAnswer>((resolve, reject) => {
      const outgoing = forward(
        new URL(incoming.url ?? '/', target),
        { method: incoming.method, headers: { ...incoming.headers, host: new URL(target).host } },
        (reply) => {
          readBody(reply).then((replyBody) => resolve({ status: reply.statusCode ?? 502, headers: reply.headers, body: replyBody }), reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });

  const pass = (response: ServerResponse, answer: ServerAnswer) => {
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
  };

  const proxy = createServer((incoming, response) => {
    void (async () => {
      const body = await readBody(incoming);
      const isSync = incoming.method === 'POST' && incoming.url === '/api/kiosk/sync';
      if (!isSync) return pass(response, await toServer(incoming, body));
      syncRequests += 1;
      const fault = faults.shift();
      if (fault === 'hang') return;
      if (fault === 'answer-500') {
        response.writeHead(500, { 'content-type': 'application/json' });
        return response.end(JSON.stringify({ error: 'Injected by the test proxy.' }));
      }
      let answer = await toServer(incoming, body);
      answers.push({ status: answer.status, body: JSON.parse(answer.body.toString()) as unknown });
      if (fault === 'send-twice') {
        answer = await toServer(incoming, body);
        answers.push({ status: answer.status, body: JSON.parse(answer.body.toString()) as unknown });
      }
      if (fault === 'drop-after-commit') return incoming.socket.destroy();
      pass(response, answer);
    })().catch(() => {
      if (response.headersSent) return incoming.socket.destroy();
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    arm: (fault, times = 1) => faults.push(...Array.from({ length: times }, () => fault)),
    syncRequests: () => syncRequests,
    serverAnswers: () => answers,
    stop: () =>
      new Promise<void>((resolve) => {
        proxy.closeAllConnections();
        proxy.close(() => resolve());
      }),
  };
}
