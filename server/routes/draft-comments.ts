import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { commentsRequest } from '../../src/domain/draft-comment';
import { identifier } from '../../src/domain/form-schema';
import { hashSecret } from '../credentials';
import { memoryWindowLimit } from '../memory-window-limit';
import type { Database } from '../db/database';
import { addComments, commentsOf, markCommentDone } from '../db/draft-comments';
import { previewLink } from '../db/drafts';
import { sameOriginOnly } from './coordinator-auth';
import { formUnitsIfMine, NOT_YOUR_FORM } from './drafts';
import { noPreview, previewToken } from './preview-links';

// Fifty comments of a thousand characters, escaped, fit well within this.
const COMMENTS_BODY_LIMIT = 256 * 1024;

// Requests per preview link in ten minutes. A reviewer's device sends one request per comment as
// it is written (fifty at most in one) and again after being offline: a person who writes a
// comment every ten seconds for ten minutes stays within it. A script that has the link can
// then add at most 3,000 comments in ten minutes, not fill the coordinator's list and the disk.
export const COMMENT_REQUESTS_PER_LINK = 60;
export const COMMENT_WINDOW_MS = 10 * 60_000;

/**
 * Reviewers' comments on a draft's wording: sent with the preview link (no account), read and
 * marked done by coordinators beside the draft.
 */
export function draftCommentRoutes(app: FastifyInstance, db: Database, defaultFormId: string) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // Counted per link, by the hash the server keeps of it (never the link itself), not per
  // address: a day centre's devices share one address, and each reviewer has a link of their own.
  // In memory only, unlike the sign-in limits: a counter row would say when a link's comments
  // began to arrive, to the minute, which the comments themselves never keep.
  const perLink = memoryWindowLimit(COMMENT_REQUESTS_PER_LINK, COMMENT_WINDOW_MS);

  // No log line at all for a comment sent: the preview sends it as soon as it is written, and a
  // log line's time would say to the millisecond when a reviewer, who may be one of the centre's
  // visitors, wrote it. Its failures go unlogged too (any line would carry the time); the
  // reviewer's device still gets the error and keeps the comment to send again.
  api.post(
    '/api/preview/:token/comments',
    {
      logLevel: 'silent',
      bodyLimit: COMMENTS_BODY_LIMIT,
      schema: { hide: true, params: z.strictObject({ token: previewToken }), body: commentsRequest },
    },
    async (request, reply) => {
      const link = await previewLink(db, hashSecret(request.params.token));
      if (link.state !== 'live') return reply.code(404).send(noPreview(link.state));
      // Counted only on a link that works: guessed tokens fill no memory.
      const limit = perLink.take(hashSecret(request.params.token));
      if (!limit.allowed) {
        const seconds = Math.ceil(limit.msLeft / 1000);
        return reply
          .code(429)
          .header('retry-after', String(seconds))
          .send({ error: `Too many comments were sent with this preview link in a short time. Nothing was stored: send them again in ${Math.ceil(seconds / 60)} minutes.` });
      }
      // A notice's link takes comments on its notice only; a draft's link on the draft only.
      const misplaced = request.body.comments.find((comment) => (link.kind === 'notice' ? comment.notice !== link.notice.id : comment.notice !== undefined));
      if (misplaced) {
        return reply.code(400).send({
          error: link.kind === 'notice' ? 'This preview link is for a notice: comments are about that notice only. Nothing was stored.' : 'This preview link is for a draft form: it shows no notice to comment on. Nothing was stored.',
        });
      }
      return { results: await addComments(db, link.formId, request.body.comments, new Date()) };
    },
  );

  api.get(
    '/api/coordinator/forms/:form/draft/comments',
    { config: { access: 'forms' }, schema: { hide: true, params: z.strictObject({ form: identifier }) } },
    async (request, reply) => {
      if (!(await formUnitsIfMine(db, request, request.params.form, defaultFormId))) return reply.code(404).send({ error: NOT_YOUR_FORM });
      return { comments: await commentsOf(db, request.params.form) };
    },
  );

  api.post(
    '/api/coordinator/forms/:form/draft/comments/:id/done',
    {
      onRequest: sameOriginOnly,
      config: { access: 'forms' },
      schema: { hide: true, params: z.strictObject({ form: identifier, id: z.uuidv4() }), body: z.strictObject({ done: z.boolean() }) },
    },
    async (request, reply) => {
      const { form, id } = request.params;
      if (!(await formUnitsIfMine(db, request, form, defaultFormId))) return reply.code(404).send({ error: NOT_YOUR_FORM });
      if (!(await markCommentDone(db, { formId: form }, id, request.body.done, request.coordinator!.username, new Date()))) {
        return reply.code(404).send({ error: 'There is no such comment on this form.' });
      }
      return reply.code(204).send();
    },
  );
}
