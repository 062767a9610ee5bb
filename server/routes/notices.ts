import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { shownLanguages } from '../../src/domain/form-text';
import { localDay } from '../../src/domain/local-day';
import { missingNoticeLanguages, noticeInput, noticeSave } from '../../src/domain/notice';
import { unitList } from '../../src/domain/units';
import { hasUnits, unitsAskedFor } from '../access';
import { audit } from '../db/audit-log';
import type { Database } from '../db/database';
import { markCommentDone, noticeComments } from '../db/draft-comments';
import { addPreviewLink, previewLinks, revokePreviewLink } from '../db/drafts';
import { publishedForm } from '../db/forms';
import { addNotice, noticeById, noticesWithin, publishNotice, removeNotice, updateNotice, type NoticeRow } from '../db/notices';
import { formsOfUnits } from '../db/units';
import { hashSecret, newDeviceToken } from '../credentials';
import { sameOriginOnly } from './coordinator-auth';

export const NOT_YOUR_NOTICE = 'There is no such notice among your units’ notices.';

const noticeParams = z.strictObject({ id: z.uuidv4() });

/**
 * Notices on the kiosks' start screens ("you said, we did"): written and previewed as drafts,
 * published to units, shown from their first day to their last. A unit coordinator reaches the
 * notices shown only in their units; one that also shows elsewhere is an administrator's.
 */
export function noticeRoutes(app: FastifyInstance, db: Database, defaultFormId: string, clock: () => Date) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const access = { access: 'notices' as const };
  const write = { onRequest: sameOriginOnly, config: access };

  /** The notice if the user has every unit it shows in, else null (answered as one that does not exist). */
  const mine = async (request: FastifyRequest, id: string): Promise<NoticeRow | null> => {
    const notice = await noticeById(db, id);
    return notice && hasUnits(request.access!, notice.units) ? notice : null;
  };

  /** The languages the kiosks of these units show: a notice needs a wording in each to be published. */
  const languagesOf = async (units: readonly string[]): Promise<string[]> => {
    const forms = new Set((await formsOfUnits(db, units, defaultFormId)).values());
    const languages = new Set<string>();
    for (const formId of forms) {
      const form = await publishedForm(db, formId);
      for (const code of form ? shownLanguages(form) : []) languages.add(code);
    }
    return [...languages];
  };

  const withLanguages = async (notice: NoticeRow) => ({ ...notice, languages: await languagesOf(notice.units) });

  api.get('/api/coordinator/notices', { config: access, schema: { hide: true } }, async (request) => ({
    notices: await Promise.all((await noticesWithin(db, request.access!.units)).map(withLanguages)),
  }));

  // The languages a notice for these units is written in, before it is saved the first time.
  api.get(
    '/api/coordinator/notices/languages',
    { config: access, schema: { hide: true, querystring: z.strictObject({ units: z.optional(unitList) }) } },
    async (request) => ({ languages: await languagesOf(unitsAskedFor(request.access!, request.query.units)) }),
  );

  api.post('/api/coordinator/notices', { ...write, schema: { hide: true, body: noticeInput } }, async (request, reply) => {
    const units = unitsAskedFor(request.access!, request.body.units);
    const notice = await addNotice(db, { ...request.body, units }, request.coordinator!.username, new Date());
    await audit(db, request.coordinator!.username, 'notice-saved', notice.id, new Date(), units);
    return reply.code(201).send(await withLanguages(notice));
  });

  api.put('/api/coordinator/notices/:id', { ...write, schema: { hide: true, params: noticeParams, body: noticeSave } }, async (request, reply) => {
    if (!(await mine(request, request.params.id))) return reply.code(404).send({ error: NOT_YOUR_NOTICE });
    const units = unitsAskedFor(request.access!, request.body.notice.units);
    const saved = await updateNotice(db, request.params.id, { ...request.body.notice, units }, request.body.basedOn, request.coordinator!.username, new Date());
    if (saved === 'gone') return reply.code(404).send({ error: NOT_YOUR_NOTICE });
    if (saved === 'published') return reply.code(409).send({ error: 'This notice is published: kiosks show it as it was reviewed. Take it off the kiosks and write a new one.' });
    if ('changed' in saved) {
      return reply.code(409).send({ error: `${saved.changed.updatedBy} saved this notice after you opened it: read it again, nothing of yours was saved.`, current: await withLanguages(saved.changed) });
    }
    await audit(db, request.coordinator!.username, 'notice-saved', saved.id, new Date(), units);
    return withLanguages(saved);
  });

  api.post(
    '/api/coordinator/notices/:id/publish',
    { ...write, schema: { hide: true, params: noticeParams, body: z.strictObject({ updatedAt: z.string() }) } },
    async (request, reply) => {
      const notice = await mine(request, request.params.id);
      if (!notice) return reply.code(404).send({ error: NOT_YOUR_NOTICE });
      if (notice.publishedAt !== null) return reply.code(409).send({ error: 'This notice is published already.' });
      if (notice.updatedAt !== request.body.updatedAt) return reply.code(409).send({ error: 'This notice was changed after you opened it: read it again before you publish it.' });
      const missing = missingNoticeLanguages(notice.texts, await languagesOf(notice.units));
      if (missing.length > 0) return reply.code(400).send({ error: `Write the notice in every language its kiosks show before publishing it: ${missing.join(', ')} is missing.` });
      if (notice.endsOn < localDay(clock()).date) return reply.code(400).send({ error: 'The last day of this notice has passed: choose days to come before publishing it.' });
      if (!(await publishNotice(db, notice.id, notice.updatedAt, new Date()))) return reply.code(409).send({ error: 'This notice was changed meanwhile: read it again before you publish it.' });
      await audit(db, request.coordinator!.username, 'notice-published', notice.id, new Date(), notice.units);
      return withLanguages((await noticeById(db, notice.id))!);
    },
  );

  api.delete('/api/coordinator/notices/:id', { ...write, schema: { hide: true, params: noticeParams } }, async (request, reply) => {
    const notice = await mine(request, request.params.id);
    if (!notice || !(await removeNotice(db, notice.id))) return reply.code(404).send({ error: NOT_YOUR_NOTICE });
    await audit(db, request.coordinator!.username, 'notice-removed', notice.id, new Date(), notice.units);
    return reply.code(204).send();
  });

  // A preview link shows the notice, before it is published, on the start screen of the form
  // its first unit's kiosks show; reviewers comment on its wording there.
  api.post('/api/coordinator/notices/:id/preview-links', { ...write, schema: { hide: true, params: noticeParams } }, async (request, reply) => {
    const notice = await mine(request, request.params.id);
    if (!notice) return reply.code(404).send({ error: NOT_YOUR_NOTICE });
    if (notice.publishedAt !== null) return reply.code(409).send({ error: 'This notice is published already: the kiosks show it.' });
    const formId = (await formsOfUnits(db, [notice.units[0]!], defaultFormId)).get(notice.units[0]!)!;
    const token = newDeviceToken();
    await addPreviewLink(db, formId, hashSecret(token), request.coordinator!.username, new Date(), notice.id);
    await audit(db, request.coordinator!.username, 'preview-link-made', notice.id, new Date(), notice.units);
    return reply.code(201).send({ token, path: `/preview/${token}` });
  });

  api.get('/api/coordinator/notices/:id/preview-links', { config: access, schema: { hide: true, params: noticeParams } }, async (request, reply) => {
    if (!(await mine(request, request.params.id))) return reply.code(404).send({ error: NOT_YOUR_NOTICE });
    return { links: await previewLinks(db, { noticeId: request.params.id }) };
  });

  api.post(
    '/api/coordinator/notices/:id/preview-links/:link/revoke',
    { ...write, schema: { hide: true, params: z.strictObject({ id: z.uuidv4(), link: z.string().check(z.regex(/^[0-9a-f]{64}$/)) }) } },
    async (request, reply) => {
      const notice = await mine(request, request.params.id);
      if (!notice) return reply.code(404).send({ error: NOT_YOUR_NOTICE });
      if (!(await revokePreviewLink(db, { noticeId: notice.id }, request.params.link, new Date()))) return reply.code(404).send({ error: 'There is no such preview link.' });
      await audit(db, request.coordinator!.username, 'preview-link-revoked', notice.id, new Date(), notice.units);
      return reply.code(204).send();
    },
  );

  api.get('/api/coordinator/notices/:id/comments', { config: access, schema: { hide: true, params: noticeParams } }, async (request, reply) => {
    if (!(await mine(request, request.params.id))) return reply.code(404).send({ error: NOT_YOUR_NOTICE });
    return { comments: await noticeComments(db, request.params.id) };
  });

  api.post(
    '/api/coordinator/notices/:id/comments/:comment/done',
    { ...write, schema: { hide: true, params: z.strictObject({ id: z.uuidv4(), comment: z.uuidv4() }), body: z.strictObject({ done: z.boolean() }) } },
    async (request, reply) => {
      if (!(await mine(request, request.params.id))) return reply.code(404).send({ error: NOT_YOUR_NOTICE });
      if (!(await markCommentDone(db, { noticeId: request.params.id }, request.params.comment, request.body.done, request.coordinator!.username, new Date()))) {
        return reply.code(404).send({ error: 'There is no such comment on this notice.' });
      }
      return reply.code(204).send();
    },
  );
}
