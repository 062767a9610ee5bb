import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseFormDefinition } from '../../src/domain/form-schema';
import { auditEntries } from '../db/audit-log';
import { draftOf, publishDraft, saveDraft } from '../db/drafts';
import { buildApp } from '../app';
import { anotherConnection, enrollKiosk, onPostgres, queryValue, SAME_ORIGIN, startSignedInServer, type TestServer } from '../test-support';

let server: TestServer;
let cookie: string;
beforeEach(async () => {
  ({ server, cookie } = await startSignedInServer());
});
afterEach(() => server.close());

const url = '/api/coordinator/forms/todays-feedback/draft';
const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, payload?: object, headers: Record<string, string> = { ...SAME_ORIGIN, cookie }) =>
  server.app.inject({ method, url: path, headers, ...(payload ? { payload } : {}) });

describe('drafts of a form', () => {
  it('are made from the published version, edited, refused while broken, and published as the next version that kiosks get', async () => {
    expect((await call('GET', url)).statusCode).toBe(404);
    const made = await call('POST', url);
    expect(made.statusCode).toBe(201);
    const { definition, basedOnVersion, check } = made.json();
    expect(basedOnVersion).toBe(1);
    expect(check.canPublish).toBe(true);

    // A new language, half translated: saved, not publishable.
    definition.languages.push('uk');
    definition.title.uk = 'Відгук дня';
    const half = await call('PUT', url, { definition });
    expect(half.statusCode).toBe(200);
    expect(half.json().check).toMatchObject({ canSave: true, canPublish: false });
    const refused = await call('POST', `${url}/publish`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatch(/missing text/);

    // Broken structure is not saved at all.
    const broken = structuredClone(definition);
    broken.questions[1].id = broken.questions[0].id;
    const notSaved = await call('PUT', url, { definition: broken });
    expect(notSaved.statusCode).toBe(400);
    expect(notSaved.json().check.problems).toContainEqual({ path: 'questions.1.id', message: expect.stringContaining('used twice') });
    // An old id given to a question of another type: refused too (results are matched by id).
    expect(notSaved.json().check.problems).toContainEqual({ path: 'questions.1.type', message: expect.stringContaining('keeps its meaning') });
    expect((await call('GET', url)).json().definition.questions[1].id).not.toBe(definition.questions[0].id);

    // Without the new language again, and a changed wording: published as version 2.
    definition.languages.pop();
    delete definition.title.uk;
    definition.title.fi = 'Kerro päivästäsi';
    expect((await call('PUT', url, { definition })).statusCode).toBe(200);
    const published = await call('POST', `${url}/publish`);
    expect(published.statusCode).toBe(201);
    expect(published.json()).toEqual({ version: 2, units: ['paivakeskus'] });
    expect((await call('GET', url)).statusCode).toBe(404);
    expect((await auditEntries(server.db, 'all'))[0]).toMatchObject({ action: 'form-published', detail: 'todays-feedback version 2' });

    const { token } = await enrollKiosk(server);
    const form = await server.app.inject({ method: 'GET', url: '/api/kiosk/form', headers: { authorization: `Bearer ${token}` } });
    expect(form.json()).toMatchObject({ version: 2, title: { fi: 'Kerro päivästäsi' } });
  });

  it('is published once when two coordinators publish it at the same moment, on two server instances', async () => {
    expect((await call('POST', url)).statusCode).toBe(201);
    // On SQLite one process owns the file: the second app shares the server's connection.
    const other = onPostgres ? await anotherConnection(server.db) : server.db;
    const second = await buildApp(other, { staticDir: null, logLevel: 'silent' });
    try {
      const request = { method: 'POST' as const, url: `${url}/publish`, headers: { ...SAME_ORIGIN, cookie } };
      const answers = await Promise.all([server.app.inject(request), second.inject(request)]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 404]);
      expect(answers.find((a) => a.statusCode === 404)!.json().error).toMatch(/no draft to publish/);
      expect(await queryValue(server.db, 'SELECT max(version) FROM form_versions')).toBe(2);
    } finally {
      await second.close();
      if (other !== server.db) await other.close();
    }
  });

  it('is not published when it was saved again after it was checked: the coordinator looks at it again', async () => {
    const { definition } = (await call('POST', url)).json();
    const checkedAt = (await draftOf(server.db, 'todays-feedback'))!.updatedAt;
    definition.title.fi = 'Tallennettu juuri';
    // Another coordinator's save lands between this one's check and its publish.
    await saveDraft(server.db, 'todays-feedback', definition, 'eero', new Date(Date.parse(checkedAt) + 1000));
    expect(await publishDraft(server.db, 'todays-feedback', parseFormDefinition(definition), new Date(), checkedAt, [])).toBe('changed');
    expect((await call('GET', url)).json().definition.title.fi).toBe('Tallennettu juuri');
    expect(await queryValue(server.db, 'SELECT max(version) FROM form_versions')).toBe(1);
  });

  it('is discarded with its preview links, leaving the published version as it was', async () => {
    await call('POST', url);
    const { token } = (await call('POST', `${url}/preview-links`)).json();
    expect((await call('DELETE', url)).statusCode).toBe(204);
    expect((await call('GET', url)).statusCode).toBe(404);
    expect((await server.app.inject({ method: 'GET', url: `/api/preview/${token}` })).statusCode).toBe(404);
    expect((await call('DELETE', url)).statusCode).toBe(404);
    expect((await auditEntries(server.db, 'all'))[0]).toMatchObject({ action: 'draft-discarded', detail: 'todays-feedback' });
    expect((await call('POST', url)).json().basedOnVersion).toBe(1);
  });

  it('refuses without a session, from another site, and a draft of another form', async () => {
    expect((await call('POST', url, undefined, SAME_ORIGIN)).statusCode).toBe(401);
    expect((await call('POST', url, undefined, { cookie, 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    const { definition } = (await call('POST', url)).json();
    expect((await call('PUT', url, { definition: { ...definition, id: 'other-form' } })).statusCode).toBe(400);
    expect((await call('POST', '/api/coordinator/forms/nope/draft')).statusCode).toBe(404);
  });
});
