import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashSecret, newPairingCode, normalisePairingCode } from '../credentials';
import { addPairingCode } from '../db/kiosks';
import { startTestServer, type TestServer } from '../test-support';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const enroll = (pairingCode: unknown) =>
  server.app.inject({ method: 'POST', url: '/api/kiosk/enroll', payload: { pairingCode } });

function makeCode(validForMs = 60_000) {
  const code = newPairingCode();
  addPairingCode(server.db, hashSecret(normalisePairingCode(code)), 'Rovaniemi lobby', new Date(Date.now() + validForMs));
  return code;
}

describe('POST /api/kiosk/enroll', () => {
  it('turns a pairing code into a 256-bit device token that is stored only as a hash', async () => {
    const code = makeCode();
    const reply = await enroll(code.toLowerCase().replace('-', ' '));
    expect(reply.statusCode).toBe(201);
    const { token, name } = reply.json();
    expect(name).toBe('Rovaniemi lobby');
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const stored = server.db.prepare('SELECT token_hash FROM kiosks').get() as { token_hash: string };
    expect(stored.token_hash).toBe(hashSecret(token));
    expect(JSON.stringify(server.db.prepare('SELECT * FROM kiosks').all())).not.toContain(token);
  });

  it('takes a code once', async () => {
    const code = makeCode();
    expect((await enroll(code)).statusCode).toBe(201);
    const again = await enroll(code);
    expect(again.statusCode).toBe(401);
    expect(again.json().error).toMatch(/unknown, already used or expired/);
  });

  it('refuses an expired or unknown code', async () => {
    expect((await enroll(makeCode(-1000))).statusCode).toBe(401);
    expect((await enroll('AAAA-BBBB')).statusCode).toBe(401);
    expect((await enroll(42)).statusCode).toBe(400);
    expect(server.db.prepare('SELECT count(*) AS n FROM kiosks').get()).toEqual({ n: 0 });
  });
});
