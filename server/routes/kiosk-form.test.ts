import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultForm } from '../../src/domain/default-form';
import { ensureFormVersion } from '../db/forms';
import { enrollKiosk, startTestServer, type TestServer } from '../test-support';

let server: TestServer;
let token: string;
beforeEach(async () => {
  server = await startTestServer();
  ({ token } = await enrollKiosk(server));
});
afterEach(() => server.close());

const getForm = (headers: Record<string, string> = {}) =>
  server.app.inject({ method: 'GET', url: '/api/kiosk/form', headers: { authorization: `Bearer ${token}`, ...headers } });

describe('GET /api/kiosk/form', () => {
  it('gives the published form with an ETag, and 304 to a kiosk that has it', async () => {
    const first = await getForm();
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ id: 'todays-feedback', version: 1 });
    expect(first.headers.etag).toBe('"todays-feedback-1"');
    const again = await getForm({ 'if-none-match': '"todays-feedback-1"' });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('gives the newest published version', async () => {
    await ensureFormVersion(server.db, { ...defaultForm, version: 2, title: { ...defaultForm.title, fi: 'Uusi otsikko' } }, true);
    const reply = await getForm({ 'if-none-match': '"todays-feedback-1"' });
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({ version: 2, title: { fi: 'Uusi otsikko' } });
  });

  it('is only for enrolled kiosks', async () => {
    const reply = await server.app.inject({ method: 'GET', url: '/api/kiosk/form' });
    expect(reply.statusCode).toBe(401);
  });
});
