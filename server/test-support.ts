import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { defaultForm } from '../src/domain/default-form';
import { sampleResponse } from '../src/domain/sample-response';
import type { FeedbackResponse } from '../src/domain/response';
import { buildApp } from './app';
import { hashSecret, newPairingCode, normalisePairingCode } from './credentials';
import { openDatabase, type Database } from './db/database';
import { ensureFormVersion } from './db/forms';
import { addPairingCode } from './db/kiosks';

export interface TestServer {
  app: FastifyInstance;
  db: Database;
  dir: string;
  logs: () => string;
  close: () => Promise<void>;
}

/** A real app on a real SQLite file in a fresh temp folder, with a tiny built app to serve. */
export async function startTestServer(): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'feedback-server-'));
  const staticDir = join(dir, 'dist');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  writeFileSync(join(staticDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(staticDir, 'assets', 'index-abc123.js'), 'console.log(1);');
  const db = openDatabase(join(dir, 'data'));
  ensureFormVersion(db, defaultForm, true);
  let logged = '';
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logged += String(chunk);
      done();
    },
  });
  const app = await buildApp(db, { staticDir, logStream, logLevel: 'info' });
  return {
    app,
    db,
    dir,
    logs: () => logged,
    close: async () => {
      await app.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function enrollKiosk(server: TestServer, name = 'Test kiosk'): Promise<{ token: string; kioskId: string }> {
  const code = newPairingCode();
  addPairingCode(server.db, hashSecret(normalisePairingCode(code)), name, new Date(Date.now() + 60_000));
  const reply = await server.app.inject({ method: 'POST', url: '/api/kiosk/enroll', payload: { pairingCode: code } });
  if (reply.statusCode !== 201) throw new Error(`Enrollment failed: ${reply.body}`);
  return reply.json();
}

export function makeResponse(overrides: Partial<FeedbackResponse> = {}): FeedbackResponse {
  return sampleResponse({ answers: { day: '4', needs: ['food'] }, ...overrides });
}

export function syncBody(responses: unknown[], extra: Record<string, unknown> = {}) {
  return { appVersion: '0.1.0', waiting: responses.length, abandoned: {}, responses, ...extra };
}
