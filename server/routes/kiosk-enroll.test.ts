import { FIRST_UNIT_ID } from '../../src/domain/units';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashSecret, newPairingCode, normalisePairingCode } from '../credentials';
import { addPairingCode } from '../db/kiosks';
import { queryRows, queryValue, startTestServer, type TestServer } from '../test-support';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const enroll = (pairingCode: unknown) =>
  server.app.inject({ method: 'POST', url: '/api/kiosk/enroll', payload: { pairingCode } });

async function makeCode(validForMs = 60_000) {
  const code = newPairingCode();
  await addPairingCode(server.db, hashSecret(normalisePairingCode(code)), 'Rovaniemi lobby', FIRST_UNIT_ID, new Date(Date.now() + validForMs));
  return code;
}

describe('POST /api/kiosk/enroll', () => {
  it('turns a pairing code into a 256-bit device token that is stored only as a hash', async () => {
    const code = await makeCode();
    const reply = await enroll(code.toLowerCase().replace('-', ' '));
    expect(reply.statusCode).toBe(201);
    const { token, name } = reply.json();
    expect(name).toBe('Rovaniemi lobby');
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(await queryValue(server.db, 'SELECT token_hash FROM kiosks')).toBe(hashSecret(token));
    expect(JSON.stringify(await queryRows(server.db, 'SELECT * FROM kiosks'))).not.toContain(token);
  });

  it('takes a code once', async () => {
    const code = await makeCode();
    expect((await enroll(code)).statusCode).toBe(201);
    const again = await enroll(code);
    expect(again.statusCode).toBe(401);
    expect(again.json().error).toMatch(/unknown, already used or expired/);
  });

  it('refuses an expired or unknown code', async () => {
    expect((await enroll(await makeCode(-1000))).statusCode).toBe(401);
    expect((await enroll('AAAA-BBBB')).statusCode).toBe(401);
    expect((await enroll(42)).statusCode).toBe(400);
    expect(await queryRows(server.db, 'SELECT count(*) AS n FROM kiosks')).toEqual([{ n: 0 }]);
  });
});
