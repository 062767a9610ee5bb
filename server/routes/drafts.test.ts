import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseFormDefinition } from '../../src/domain/form-schema';
import { auditEntries } from '../db/audit-log';
import { draftOf, publishDraft, saveDraft } from '../db/drafts';
import { buildApp } from '../app';
import { addTestCoordinator, anotherConnection, enrollKiosk, onPostgres, queryValue, SAME_ORIGIN, signIn, startSignedInServer, type TestServer } from '../test-support';

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
    let basedOn: string = made.json().updatedAt;
    expect(basedOnVersion).toBe(1);
    expect(check.canPublish).toBe(true);

    // A new language, half translated: saved, not publishable.
    definition.languages.push('uk');
    definition.title.uk = 'Відгук дня';
    const half = await call('PUT', url, { definition, basedOn });
    expect(half.statusCode).toBe(200);
    basedOn = half.json().updatedAt;
    expect(half.json().check).toMatchObject({ canSave: true, canPublish: false });
    const refused = await call('POST', `${url}/publish`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatch(/missing text/);

    // Broken structure is not saved at all.
    const broken = structuredClone(definition);
    broken.questions[1].id = broken.questions[0].id;
    const notSaved = await call('PUT', url, { definition: broken, basedOn });
    expect(notSaved.statusCode).toBe(400);
    expect(notSaved.json().check.problems).toContainEqual({ path: 'questions.1.id', message: expect.stringContaining('used twice') });
    // An old id given to a question of another type: refused too (results are matched by id).
    expect(notSaved.json().check.problems).toContainEqual({ path: 'questions.1.type', message: expect.stringContaining('keeps its meaning') });
    expect((await call('GET', url)).json().definition.questions[1].id).not.toBe(definition.questions[0].id);

    // Without the new language again, and a changed wording: published as version 2.
    definition.languages.pop();
    delete definition.title.uk;
    definition.title.fi = 'Kerro päivästäsi';
    expect((await call('PUT', url, { definition, basedOn })).statusCode).toBe(200);
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
    await saveDraft(server.db, 'todays-feedback', definition, 'eero', new Date(Date.parse(checkedAt) + 1000), checkedAt);
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
    const { definition, updatedAt } = (await call('POST', url)).json();
    expect((await call('PUT', url, { definition: { ...definition, id: 'other-form' }, basedOn: updatedAt })).statusCode).toBe(400);
    expect((await call('POST', '/api/coordinator/forms/nope/draft')).statusCode).toBe(404);
  });
});

describe('two coordinators saving the same draft', () => {
  it('do not overwrite each other unseen: the second is told who saved what, and then keeps theirs or saves over them', async () => {
    const opened = (await call('POST', url)).json();
    const mine = structuredClone(opened.definition);
    const theirs = structuredClone(opened.definition);
    theirs.title.fi = 'Eeron otsikko';
    mine.title.sv = 'Ainos rubrik';

    await addTestCoordinator(server, 'eero');
    const eero = await signIn(server, 'eero');
    const first = await call('PUT', url, { definition: theirs, basedOn: opened.updatedAt }, { ...SAME_ORIGIN, cookie: eero });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ updatedBy: 'eero', definition: { title: { fi: 'Eeron otsikko' } } });

    // Aino, who opened the same draft, saves: refused, with the draft as it is now, in the shape the editor loads.
    const second = await call('PUT', url, { definition: mine, basedOn: opened.updatedAt });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatch(/eero saved this draft .* Nothing was saved/);
    const current = second.json().current;
    expect(current).toEqual((await call('GET', url)).json());
    expect(current).toMatchObject({ updatedBy: 'eero', updatedAt: first.json().updatedAt, definition: { title: { fi: 'Eeron otsikko' } } });
    expect(current.definition.title.sv).not.toBe('Ainos rubrik');

    // She chooses to save hers over theirs: sent again on what she has now seen.
    const over = await call('PUT', url, { definition: mine, basedOn: current.updatedAt });
    expect(over.statusCode).toBe(200);
    expect((await call('GET', url)).json()).toMatchObject({ updatedBy: 'aino', definition: { title: { sv: 'Ainos rubrik', fi: opened.definition.title.fi } } });
    // Eero's editor, still on his own save, is now the one told.
    expect((await call('PUT', url, { definition: theirs, basedOn: first.json().updatedAt }, { ...SAME_ORIGIN, cookie: eero })).statusCode).toBe(409);
  });

  it('at the same moment: one is saved, the other told, on two server instances', async () => {
    const opened = (await call('POST', url)).json();
    const other = onPostgres ? await anotherConnection(server.db) : server.db;
    const second = await buildApp(other, { staticDir: null, logLevel: 'silent' });
    try {
      const save = (fi: string) => ({
        method: 'PUT' as const,
        url,
        headers: { ...SAME_ORIGIN, cookie },
        payload: { definition: { ...opened.definition, title: { ...opened.definition.title, fi } }, basedOn: opened.updatedAt },
      });
      const answers = await Promise.all([server.app.inject(save('Yksi')), second.inject(save('Kaksi'))]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
      const saved = answers.find((a) => a.statusCode === 200)!.json().definition.title.fi;
      expect((await call('GET', url)).json().definition.title.fi).toBe(saved);
    } finally {
      await second.close();
      if (other !== server.db) await other.close();
    }
  });

  it('get a later time at each save even within one millisecond, so an editor holding the earlier one is always told', async () => {
    const { definition, updatedAt } = (await call('POST', url)).json();
    const now = new Date(updatedAt);
    const first = await saveDraft(server.db, 'todays-feedback', definition, 'aino', now, updatedAt);
    expect(first).toEqual({ saved: expect.objectContaining({ updatedBy: 'aino' }) });
    const firstAt = (first as { saved: { updatedAt: string } }).saved.updatedAt;
    expect(firstAt > updatedAt).toBe(true);
    const next = await saveDraft(server.db, 'todays-feedback', definition, 'eero', now, firstAt);
    const nextAt = (next as { saved: { updatedAt: string } }).saved.updatedAt;
    expect(nextAt > firstAt).toBe(true);
    expect(await saveDraft(server.db, 'todays-feedback', definition, 'aino', now, firstAt)).toEqual({ changed: expect.objectContaining({ updatedAt: nextAt, updatedBy: 'eero' }) });
    expect((await draftOf(server.db, 'todays-feedback'))!.updatedAt).toBe(nextAt);
  });

  it('refuse a save that does not say which draft it was made on (a page of an older version), saving nothing', async () => {
    const { definition, updatedAt } = (await call('POST', url)).json();
    const old = await call('PUT', url, { definition: { ...definition, title: { ...definition.title, fi: 'Vanhalta sivulta' } } });
    expect(old.statusCode).toBe(400);
    expect(old.json().error).toMatch(/basedOn: must be the draft’s updatedAt as the editor loaded it.*reload the page/);
    expect((await call('PUT', url, { definition, basedOn: 'yesterday' })).statusCode).toBe(400);
    expect((await call('GET', url)).json()).toMatchObject({ updatedAt, definition: { title: { fi: definition.title.fi } } });
    // A draft published meanwhile: not there to save over.
    expect((await call('POST', `${url}/publish`)).statusCode).toBe(201);
    expect((await call('PUT', url, { definition, basedOn: updatedAt })).statusCode).toBe(404);
  });
});
