import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enrollKiosk, queryRows, SAME_ORIGIN, startSignedInServer, type TestServer } from '../test-support';
import { COMMENT_REQUESTS_PER_LINK, COMMENT_WINDOW_MS } from './draft-comments';

let server: TestServer;
let cookie: string;
beforeEach(async () => {
  ({ server, cookie } = await startSignedInServer());
});
afterEach(() => server.close());

const draftUrl = '/api/coordinator/forms/todays-feedback/draft';
const post = (url: string, payload?: object, headers: Record<string, string> = { ...SAME_ORIGIN, cookie }) =>
  server.app.inject({ method: 'POST', url, headers, ...(payload === undefined ? {} : { payload }) });
const comments = async () => (await server.app.inject({ method: 'GET', url: `${draftUrl}/comments`, headers: { cookie } })).json().comments;
const count = async () => (await server.db.q.selectFrom('draft_comments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

async function previewToken(): Promise<string> {
  await post(draftUrl);
  return (await post(`${draftUrl}/preview-links`)).json().token;
}

describe('reviewers’ comments', () => {
  it('are stored once each with the preview link, scrubbed, and a coordinator marks them done and undone', async () => {
    const token = await previewToken();
    const onQuestion = { id: randomUUID(), question: 'mood', language: 'fi', text: '  "Vointi" on vaikea sana. Soita 040 1234567  ' };
    const onOption = { id: randomUUID(), question: 'mood', option: '1', language: 'en', text: 'Say "Very bad" instead.' };
    const sent = await post(`/api/preview/${token}/comments`, { comments: [onQuestion, onOption] }, {});
    expect(sent.statusCode).toBe(200);
    expect(sent.json().results).toEqual([
      { id: onQuestion.id, status: 'accepted' },
      { id: onOption.id, status: 'accepted' },
    ]);
    // The answer was lost and the device sends again: nothing is stored twice.
    const again = await post(`/api/preview/${token}/comments`, { comments: [onOption] }, {});
    expect(again.json().results).toEqual([{ id: onOption.id, status: 'duplicate' }]);
    expect(await count()).toBe(2);

    const listed = await comments();
    expect(listed).toHaveLength(2);
    const question = listed.find((c: { id: string }) => c.id === onQuestion.id);
    expect(question).toMatchObject({ question: 'mood', language: 'fi', doneAt: null, receivedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(question.option).toBeUndefined();
    expect(question.text).toMatch(/^"Vointi" on vaikea sana\. Soita \[/);
    expect(question.text).not.toContain('1234567');
    expect(listed.find((c: { id: string }) => c.id === onOption.id)).toMatchObject({ question: 'mood', option: '1' });

    expect((await post(`${draftUrl}/comments/${onQuestion.id}/done`, { done: true })).statusCode).toBe(204);
    const afterDone = await comments();
    expect(afterDone.at(-1)).toMatchObject({ id: onQuestion.id, doneBy: 'aino', doneAt: expect.any(String) });
    expect((await post(`${draftUrl}/comments/${onQuestion.id}/done`, { done: false })).statusCode).toBe(204);
    expect((await comments()).find((c: { id: string }) => c.id === onQuestion.id).doneAt).toBeNull();
  });

  it('may be about the form’s title or one of the kiosk’s own texts, and are read back with where they belong', async () => {
    const token = await previewToken();
    const onTitle = { id: randomUUID(), part: 'form.title', language: 'sv', text: 'Rubriken är bra.' };
    const onStart = { id: randomUUID(), part: 'start.intro', language: 'se', text: 'Dát lea čielggas.' };
    expect((await post(`/api/preview/${token}/comments`, { comments: [onTitle, onStart] }, {})).statusCode).toBe(200);
    const listed = await comments();
    expect(listed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: onTitle.id, part: 'form.title', language: 'sv' }),
        expect.objectContaining({ id: onStart.id, part: 'start.intro', language: 'se' }),
      ]),
    );
    for (const comment of listed) expect(comment.question).toBeUndefined();
  });

  it('refuse a batch with one bad comment whole, and a revoked or published link, storing nothing', async () => {
    const token = await previewToken();
    const good = { id: randomUUID(), question: 'mood', language: 'fi', text: 'Hyvä' };
    const bad = [
      { ...good, id: 'not-a-uuid' },
      { ...good, text: '   ' },
      { ...good, text: 'x'.repeat(1001) },
      { ...good, question: 'Not An Id' },
      { ...good, language: 'finnish' },
      { ...good, extra: true },
      // A comment is about a question or a part of the kiosk, exactly one, and only a known part.
      { ...good, part: 'form.title' },
      { id: good.id, language: 'fi', text: 'Hyvä' },
      { id: good.id, part: 'staff.heading', language: 'fi', text: 'Hyvä' },
      { id: good.id, part: 'start.intro', option: '1', language: 'fi', text: 'Hyvä' },
    ];
    for (const comment of bad) {
      const answer = await post(`/api/preview/${token}/comments`, { comments: [good, comment] }, {});
      expect(answer.statusCode, JSON.stringify(comment)).toBe(400);
      expect(answer.json().error).toMatch(/not valid/);
    }
    expect((await post(`/api/preview/${token}/comments`, { comments: [] }, {})).statusCode).toBe(400);
    expect((await post(`/api/preview/${'A'.repeat(43)}/comments`, { comments: [good] }, {})).statusCode).toBe(404);
    expect(await count()).toBe(0);

    expect((await post(`${draftUrl}/publish`)).statusCode).toBe(201);
    const afterPublish = await post(`/api/preview/${token}/comments`, { comments: [good] }, {});
    expect(afterPublish.statusCode).toBe(404);
    expect(afterPublish.json().error).toMatch(/published/);
    expect(await count()).toBe(0);
  });

  it('leave no line in the server\u2019s log, sent, refused or failed: a line\u2019s time would tell when a reviewer wrote', async () => {
    const token = await previewToken();
    const comment = () => ({ id: randomUUID(), question: 'mood', language: 'fi', text: 'Sana on vaikea.' });
    const before = server.logs();
    expect(before).toContain('/api/coordinator/forms/:form/draft/preview-links'); // other requests are logged
    expect((await post(`/api/preview/${token}/comments`, { comments: [comment()] }, {})).statusCode).toBe(200);
    expect((await post(`/api/preview/${token}/comments`, { comments: [] }, {})).statusCode).toBe(400);
    expect((await post(`/api/preview/${'A'.repeat(43)}/comments`, { comments: [comment()] }, {})).statusCode).toBe(404);
    await server.db.q.schema.dropTable('draft_comments').execute();
    const failed = await post(`/api/preview/${token}/comments`, { comments: [comment()] }, {});
    expect(failed.statusCode).toBe(500);
    expect(failed.json().error).toMatch(/Nothing was stored; try again later/);
    expect(server.logs()).toBe(before);
  });

  it('of one day come out in id order, not in the order they arrived', async () => {
    const token = await previewToken();
    const ids = Array.from({ length: 6 }, () => randomUUID());
    for (const id of ids) await post(`/api/preview/${token}/comments`, { comments: [{ id, question: 'mood', language: 'fi', text: 'Hyvä.' }] }, {});
    expect((await comments()).map((c: { id: string }) => c.id)).toEqual([...ids].sort());
    await expect(sql`SELECT rowid FROM draft_comments`.execute(server.db.q)).rejects.toThrow(/no such column|does not exist/);
  });

  it('are limited per preview link: one link that sends too many is refused, storing nothing, while another link still works', async () => {
    const [busy, other] = [await previewToken(), await previewToken()];
    const comment = () => ({ id: randomUUID(), question: 'mood', language: 'fi', text: 'Sana on vaikea.' });
    const before = server.logs();
    const countsBefore = await queryRows(server.db, 'SELECT * FROM rate_limits');
    for (let i = 0; i < COMMENT_REQUESTS_PER_LINK; i++) expect((await post(`/api/preview/${busy}/comments`, { comments: [comment()] }, {})).statusCode).toBe(200);
    const refusedComment = comment();
    const refused = await post(`/api/preview/${busy}/comments`, { comments: [refusedComment] }, {});
    // Another reviewer's link, from the same address, is not held back.
    const elsewhere = await post(`/api/preview/${other}/comments`, { comments: [comment()] }, {});
    // Neither the refusal leaves a log line.
    expect(server.logs()).toBe(before);

    expect(refused.statusCode).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(COMMENT_WINDOW_MS / 1000);
    expect(refused.json().error).toMatch(/Too many comments .* Nothing was stored/);
    expect(elsewhere.statusCode).toBe(200);
    expect(await count()).toBe(COMMENT_REQUESTS_PER_LINK + 1);
    expect((await comments()).some((c: { id: string }) => c.id === refusedComment.id)).toBe(false);
    // The count is kept in memory only: no row says when the link's comments began to arrive.
    expect(await queryRows(server.db, 'SELECT * FROM rate_limits')).toEqual(countsBefore);
  });

  it('are read and marked only by a signed-in coordinator of the same site', async () => {
    expect((await server.app.inject({ method: 'GET', url: `${draftUrl}/comments` })).statusCode).toBe(401);
    const id = randomUUID();
    expect((await post(`${draftUrl}/comments/${id}/done`, { done: true }, SAME_ORIGIN)).statusCode).toBe(401);
    expect((await post(`${draftUrl}/comments/${id}/done`, { done: true }, { cookie, 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect((await post(`${draftUrl}/comments/${id}/done`, { done: true })).statusCode).toBe(404);
  });
});

describe('a preview from the kiosk’s staff menu', () => {
  it('gets a link of its own, listed for the coordinator to revoke, only with a device token and a draft', async () => {
    const { token } = await enrollKiosk(server, 'Aula');
    const ask = (authorization?: string) =>
      server.app.inject({ method: 'POST', url: '/api/kiosk/preview-link', headers: authorization ? { authorization } : {} });
    expect((await ask()).statusCode).toBe(401);
    expect((await ask(`Bearer ${token}`)).statusCode).toBe(404); // no draft yet
    await post(draftUrl);
    const made = await ask(`Bearer ${token}`);
    expect(made.statusCode).toBe(201);
    const opened = await server.app.inject({ method: 'GET', url: `/api/preview/${made.json().token}` });
    expect(opened.statusCode).toBe(200);
    const links = (await server.app.inject({ method: 'GET', url: `${draftUrl}/preview-links`, headers: { cookie } })).json().links;
    expect(links).toEqual([expect.objectContaining({ madeFor: 'kiosk Aula', revokedAt: null })]);
  });

  it('opens its own live link again instead of making a new one at each tap, and a new one once that link ends', async () => {
    const { token } = await enrollKiosk(server, 'Aula');
    const other = await enrollKiosk(server, 'Kahvila');
    const ask = (device: string, reuse?: string) =>
      server.app.inject({ method: 'POST', url: '/api/kiosk/preview-link', headers: { authorization: `Bearer ${device}` }, payload: reuse ? { reuse } : {} });
    await post(draftUrl);
    const first = (await ask(token)).json();
    const again = await ask(token, first.token);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ token: first.token, path: first.path });
    // Another kiosk's link, or a made-up token, is not taken: that kiosk gets a link of its own.
    const others = await ask(other.token, first.token);
    expect(others.statusCode).toBe(201);
    expect(others.json().token).not.toBe(first.token);
    expect((await ask(token, 'A'.repeat(43))).statusCode).toBe(201);
    const listed = (await server.app.inject({ method: 'GET', url: `${draftUrl}/preview-links`, headers: { cookie } })).json().links;
    expect(listed).toHaveLength(3);
    // Publishing ends the link; the next draft's preview gets a new one.
    expect((await post(`${draftUrl}/publish`)).statusCode).toBe(201);
    await post(draftUrl);
    const next = await ask(token, first.token);
    expect(next.statusCode).toBe(201);
    expect(next.json().token).not.toBe(first.token);
  });
});
