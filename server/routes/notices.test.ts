import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUnit } from '../db/units';
import { addTestCoordinator, enrollKiosk, queryValue, SAME_ORIGIN, signIn, startTestServer, TEST_UNIT, type TestServer } from '../test-support';

let server: TestServer;
let cookie: string;
let kiosk: string;
let otherKiosk: string;
let other = '';
// Noon in Helsinki on Monday 14 December 2026.
const NOW = new Date('2026-12-14T10:00:00Z');

beforeEach(async () => {
  server = await startTestServer({ clock: () => NOW });
  other = (await addUnit(server.db, { fi: 'Toinen keskus' }, NOW)).id;
  await addTestCoordinator(server, 'aino');
  cookie = await signIn(server, 'aino');
  kiosk = (await enrollKiosk(server, 'Aula')).token;
  otherKiosk = (await enrollKiosk(server, 'Toinen', other)).token;
});
afterEach(() => server.close());

const ALL_LANGUAGES = { fi: 'Hoitaja on nyt paikalla joka tiistai.', sv: 'En sjukskötare är nu här varje tisdag.', en: 'A nurse is now here every Tuesday.' };
const notice = (overrides: Record<string, unknown> = {}) => ({ texts: ALL_LANGUAGES, startsOn: '2026-12-14', endsOn: '2026-12-31', units: [TEST_UNIT], ...overrides });

const coordinator = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
  server.app.inject({ method, url, headers: { ...SAME_ORIGIN, cookie }, ...(payload !== undefined ? { payload: payload as object } : method === 'POST' ? { payload: {} } : {}) });

async function saved(overrides: Record<string, unknown> = {}) {
  const reply = await coordinator('POST', '/api/coordinator/notices', notice(overrides));
  expect(reply.statusCode, reply.body).toBe(201);
  return reply.json<{ id: string; updatedAt: string; languages: string[]; publishedAt: string | null }>();
}

async function published(overrides: Record<string, unknown> = {}) {
  const draft = await saved(overrides);
  const reply = await coordinator('POST', `/api/coordinator/notices/${draft.id}/publish`, { updatedAt: draft.updatedAt });
  expect(reply.statusCode, reply.body).toBe(200);
  return draft;
}

const setup = (token: string, headers: Record<string, string> = {}) =>
  server.app.inject({ method: 'GET', url: '/api/kiosk/setup', headers: { authorization: `Bearer ${token}`, ...headers } });

describe('writing a notice', () => {
  it('is saved as a draft with the languages its kiosks show', async () => {
    const draft = await saved();
    expect(draft).toMatchObject({ publishedAt: null, languages: ['fi', 'sv', 'en'] });
    const list = (await coordinator('GET', '/api/coordinator/notices')).json<{ notices: { id: string; texts: Record<string, string> }[] }>();
    expect(list.notices.map((n) => [n.id, n.texts.fi])).toEqual([[draft.id, ALL_LANGUAGES.fi]]);
  });

  it('refuses a notice with its days the wrong way round, or too long to read, and stores nothing', async () => {
    const backwards = await coordinator('POST', '/api/coordinator/notices', notice({ startsOn: '2026-12-20', endsOn: '2026-12-19' }));
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error).toMatch(/last day must not be before the first/);
    const long = await coordinator('POST', '/api/coordinator/notices', notice({ texts: { fi: 'a'.repeat(201) } }));
    expect(long.statusCode).toBe(400);
    expect(await queryValue(server.db, 'SELECT count(*) FROM notices')).toBe(0);
  });

  it('is not published until it is written in every language its kiosks show', async () => {
    const draft = await saved({ texts: { fi: ALL_LANGUAGES.fi } });
    const reply = await coordinator('POST', `/api/coordinator/notices/${draft.id}/publish`, { updatedAt: draft.updatedAt });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error).toMatch(/sv, en is missing/);
  });

  it('is published as it was read: a change meanwhile must be read first', async () => {
    const draft = await saved();
    const changed = await coordinator('PUT', `/api/coordinator/notices/${draft.id}`, { notice: notice({ endsOn: '2026-12-30' }), basedOn: draft.updatedAt });
    expect(changed.statusCode).toBe(200);
    const stale = await coordinator('POST', `/api/coordinator/notices/${draft.id}/publish`, { updatedAt: draft.updatedAt });
    expect(stale.statusCode).toBe(409);
  });

  it('is saved only over the draft as the editor read it: a second editor is told, and nothing of theirs is saved', async () => {
    const draft = await saved();
    const first = await coordinator('PUT', `/api/coordinator/notices/${draft.id}`, { notice: notice({ endsOn: '2026-12-30' }), basedOn: draft.updatedAt });
    expect(first.statusCode).toBe(200);
    const second = await coordinator('PUT', `/api/coordinator/notices/${draft.id}`, { notice: notice({ endsOn: '2026-12-20' }), basedOn: draft.updatedAt });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ error: expect.stringMatching(/^aino saved this notice after you opened it/), current: { endsOn: '2026-12-30' } });
    expect(await queryValue(server.db, 'SELECT ends_on FROM notices')).toBe('2026-12-30');
  });

  it('once published is not changed in place', async () => {
    const notice1 = await published();
    const reply = await coordinator('PUT', `/api/coordinator/notices/${notice1.id}`, { notice: notice({ texts: { ...ALL_LANGUAGES, fi: 'Muutettu' } }), basedOn: notice1.updatedAt });
    expect(reply.statusCode).toBe(409);
    expect(reply.json().error).toMatch(/is published/);
    expect(await queryValue(server.db, 'SELECT texts FROM notices')).toBe(JSON.stringify(ALL_LANGUAGES));
  });

  it('is not published when its last day has passed', async () => {
    const draft = await saved({ startsOn: '2026-12-01', endsOn: '2026-12-13' });
    const reply = await coordinator('POST', `/api/coordinator/notices/${draft.id}/publish`, { updatedAt: draft.updatedAt });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().error).toMatch(/last day of this notice has passed/);
  });
});

describe('what a kiosk gets', () => {
  it('gets its unit’s published notices with its form under one ETag, and 304 while nothing changes', async () => {
    const first = await setup(kiosk);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ form: { id: 'todays-feedback' }, notices: [], openingHours: null });
    const etag = first.headers.etag as string;
    expect((await setup(kiosk, { 'if-none-match': etag })).statusCode).toBe(304);

    const draft = await saved();
    expect((await setup(kiosk, { 'if-none-match': etag })).statusCode).toBe(304);
    await coordinator('POST', `/api/coordinator/notices/${draft.id}/publish`, { updatedAt: draft.updatedAt });
    const after = await setup(kiosk, { 'if-none-match': etag });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    // Only what a visitor sees: no units, author or times.
    expect(after.json().notices).toEqual([{ id: draft.id, texts: ALL_LANGUAGES, startsOn: '2026-12-14', endsOn: '2026-12-31' }]);
  });

  it('gets notices still to come, but none whose last day has passed, and none of another unit', async () => {
    await published({ startsOn: '2026-12-20', endsOn: '2026-12-24' });
    await published({ units: [other], texts: { fi: 'Toisen ilmoitus', sv: 'Annan', en: 'Other' } });
    await server.db.q.updateTable('notices').set({ ends_on: '2026-12-13', starts_on: '2026-12-01' }).where('texts', 'like', '%Toisen%').execute();
    await published({ units: [TEST_UNIT, other], startsOn: '2026-12-01', endsOn: '2026-12-14', texts: { ...ALL_LANGUAGES, fi: 'Viimeinen päivä tänään' } });
    const notices = (await setup(kiosk)).json<{ notices: { texts: { fi: string } }[] }>().notices.map((n) => n.texts.fi);
    expect(notices).toEqual(['Viimeinen päivä tänään', ALL_LANGUAGES.fi]);
    expect((await setup(otherKiosk)).json<{ notices: { texts: { fi: string } }[] }>().notices.map((n) => n.texts.fi)).toEqual(['Viimeinen päivä tänään']);
  });

  it('no longer gets a notice that was taken off', async () => {
    const gone = await published();
    expect((await coordinator('DELETE', `/api/coordinator/notices/${gone.id}`)).statusCode).toBe(204);
    expect((await setup(kiosk)).json().notices).toEqual([]);
  });
});

describe('previewing a notice', () => {
  it('shows the notice over the published form, takes comments on it only, and ends when it is published', async () => {
    const draft = await saved();
    const link = await coordinator('POST', `/api/coordinator/notices/${draft.id}/preview-links`);
    expect(link.statusCode).toBe(201);
    const { token } = link.json<{ token: string }>();
    const preview = await server.app.inject({ method: 'GET', url: `/api/preview/${token}` });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ subject: 'notice', definition: { id: 'todays-feedback' }, notices: [{ id: draft.id, texts: ALL_LANGUAGES }] });

    const comment = (body: Record<string, unknown>) =>
      server.app.inject({ method: 'POST', url: `/api/preview/${token}/comments`, payload: { comments: [{ id: crypto.randomUUID(), language: 'fi', text: 'Selkeä!', ...body }] } });
    expect((await comment({ notice: draft.id })).statusCode).toBe(200);
    const onQuestion = await comment({ question: 'day' });
    expect(onQuestion.statusCode).toBe(400);
    expect(onQuestion.json().error).toMatch(/for a notice/);

    const comments = (await coordinator('GET', `/api/coordinator/notices/${draft.id}/comments`)).json<{ comments: { notice: string; text: string }[] }>().comments;
    expect(comments).toEqual([expect.objectContaining({ notice: draft.id, text: 'Selkeä!' })]);
    // Not among the form's own comments.
    expect(await queryValue(server.db, "SELECT count(*) FROM draft_comments WHERE target NOT LIKE 'notice:%'")).toBe(0);

    await coordinator('POST', `/api/coordinator/notices/${draft.id}/publish`, { updatedAt: draft.updatedAt });
    const ended = await server.app.inject({ method: 'GET', url: `/api/preview/${token}` });
    expect(ended.statusCode).toBe(404);
    expect(ended.json().reason).toBe('ended');
  });

  it('lives on when the form it is shown over has its draft published', async () => {
    const draft = await saved();
    const { token } = (await coordinator('POST', `/api/coordinator/notices/${draft.id}/preview-links`)).json<{ token: string }>();
    expect((await coordinator('POST', '/api/coordinator/forms/todays-feedback/draft')).statusCode).toBeLessThan(300);
    const published = await coordinator('POST', '/api/coordinator/forms/todays-feedback/draft/publish');
    expect(published.statusCode, published.body).toBe(201);
    expect((await server.app.inject({ method: 'GET', url: `/api/preview/${token}` })).statusCode).toBe(200);
  });

  it('removing a notice removes the comments on it', async () => {
    const draft = await saved();
    const { token } = (await coordinator('POST', `/api/coordinator/notices/${draft.id}/preview-links`)).json<{ token: string }>();
    await server.app.inject({ method: 'POST', url: `/api/preview/${token}/comments`, payload: { comments: [{ id: crypto.randomUUID(), notice: draft.id, language: 'fi', text: 'Hyvä' }] } });
    await coordinator('DELETE', `/api/coordinator/notices/${draft.id}`);
    expect(await queryValue(server.db, 'SELECT count(*) FROM draft_comments')).toBe(0);
    expect((await server.app.inject({ method: 'GET', url: `/api/preview/${token}` })).statusCode).toBe(404);
  });
});

describe('a unit coordinator', () => {
  it('sees and changes only notices shown in her units alone', async () => {
    const shared = await saved({ units: [TEST_UNIT, other] });
    const own = await saved();
    await addTestCoordinator(server, 'kaisa', { role: 'coordinator', units: [TEST_UNIT] });
    const kaisa = await signIn(server, 'kaisa');
    const list = await server.app.inject({ method: 'GET', url: '/api/coordinator/notices', headers: { cookie: kaisa } });
    expect(list.json<{ notices: { id: string }[] }>().notices.map((n) => n.id)).toEqual([own.id]);
    const as = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
      server.app.inject({ method, url, headers: { ...SAME_ORIGIN, cookie: kaisa }, ...(payload ? { payload } : {}) });
    const url = `/api/coordinator/notices/${shared.id}`;
    for (const reply of [
      await as('DELETE', url),
      await as('PUT', url, { notice: notice(), basedOn: shared.updatedAt }),
      await as('POST', `${url}/publish`, { updatedAt: shared.updatedAt }),
      await as('POST', `${url}/preview-links`, {}),
      await as('GET', `${url}/preview-links`),
      await as('GET', `${url}/comments`),
    ]) {
      expect(reply.statusCode, reply.body).toBe(404);
    }
    expect(await queryValue(server.db, 'SELECT count(*) FROM notices WHERE published_at IS NULL')).toBe(2);
    expect(await queryValue(server.db, 'SELECT count(*) FROM preview_links')).toBe(0);
  });
});
