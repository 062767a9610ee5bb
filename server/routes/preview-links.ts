import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { checkDraft } from '../../src/domain/draft';
import { identifier } from '../../src/domain/form-schema';
import { hashSecret, newDeviceToken } from '../credentials';
import { audit } from '../db/audit-log';
import type { Database } from '../db/database';
import { addPreviewLink, draftOf, liveKioskLink, previewLink, previewLinks, revokePreviewLink } from '../db/drafts';
import { sameOriginOnly } from './coordinator-auth';
import { formUnitsIfMine, NOT_YOUR_FORM } from './drafts';
import { formOfUnit } from '../db/units';
import { publishedForm } from '../db/forms';
import { kioskNoticeOf } from '../db/notices';
import { defaultForm } from '../../src/domain/default-form';
import { requireKiosk } from './kiosk-auth';

/** A preview link's token as it appears in its path: 256 bits in base64url. */
export const previewToken = z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/));

export const ENDED_PREVIEW = 'This review has ended: the preview link was revoked, or the draft has been published or removed.';
export const UNKNOWN_PREVIEW = 'There is no such preview link: check the link, or ask for a new one.';

/** The 404 of a link that opens nothing, with whether it ended or never was, for the page to say. */
export function noPreview(state: 'ended' | 'unknown') {
  return state === 'ended' ? { error: ENDED_PREVIEW, reason: 'ended' as const } : { error: UNKNOWN_PREVIEW, reason: 'unknown' as const };
}

/**
 * Preview links: an unguessable token (256 random bits, stored only hashed) that opens a
 * draft without an account, on any device, until a coordinator revokes it or the draft is
 * published.
 */
export function previewLinkRoutes(app: FastifyInstance, db: Database, defaultFormId: string) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const formParams = z.strictObject({ form: identifier });
  const newLink = async (formId: string, madeFor: string) => {
    const token = newDeviceToken();
    await addPreviewLink(db, formId, hashSecret(token), madeFor, new Date());
    return { token, path: `/preview/${token}` };
  };

  api.post(
    '/api/coordinator/forms/:form/draft/preview-links',
    { onRequest: sameOriginOnly, config: { access: 'forms' }, schema: { hide: true, params: formParams } },
    async (request, reply) => {
      const units = await formUnitsIfMine(db, request, request.params.form, defaultFormId);
      if (!units) return reply.code(404).send({ error: NOT_YOUR_FORM });
      if (!(await draftOf(db, request.params.form))) return reply.code(404).send({ error: 'This form has no draft to preview.' });
      await audit(db, request.coordinator!.username, 'preview-link-made', request.params.form, new Date(), units);
      return reply.code(201).send(await newLink(request.params.form, request.coordinator!.username));
    },
  );

  // The kiosk's staff menu opens a preview of its form's draft with a link of its own, listed
  // with the others so a coordinator can revoke it; publishing ends it like any other.
  // The kiosk sends the token of the link it opened last, if it kept one: while that link lives
  // and opens this kiosk's form's draft, it is answered again (200), so each tap does not add
  // a link to the list.
  api.post(
    '/api/kiosk/preview-link',
    { onRequest: requireKiosk(db), schema: { hide: true, body: z.optional(z.nullable(z.strictObject({ reuse: z.optional(previewToken) }))) } },
    async (request, reply) => {
      const kioskFormId = await formOfUnit(db, request.kiosk!.unitId, defaultFormId);
      if (!(await draftOf(db, kioskFormId))) return reply.code(404).send({ error: 'There is no draft of this kiosk’s form to preview.' });
      const madeFor = `kiosk ${request.kiosk!.name}`;
      const kept = request.body?.reuse;
      if (kept && (await liveKioskLink(db, hashSecret(kept), kioskFormId, madeFor))) return reply.code(200).send({ token: kept, path: `/preview/${kept}` });
      await audit(db, madeFor, 'preview-link-made', kioskFormId, new Date(), [request.kiosk!.unitId]);
      return reply.code(201).send(await newLink(kioskFormId, madeFor));
    },
  );

  api.get(
    '/api/coordinator/forms/:form/draft/preview-links',
    { config: { access: 'forms' }, schema: { hide: true, params: formParams } },
    async (request, reply) => {
      if (!(await formUnitsIfMine(db, request, request.params.form, defaultFormId))) return reply.code(404).send({ error: NOT_YOUR_FORM });
      return { links: await previewLinks(db, { formId: request.params.form }) };
    },
  );

  api.post(
    '/api/coordinator/forms/:form/draft/preview-links/:id/revoke',
    { onRequest: sameOriginOnly, config: { access: 'forms' }, schema: { hide: true, params: z.strictObject({ form: identifier, id: z.string().check(z.regex(/^[0-9a-f]{64}$/)) }) } },
    async (request, reply) => {
      const units = await formUnitsIfMine(db, request, request.params.form, defaultFormId);
      if (!units) return reply.code(404).send({ error: NOT_YOUR_FORM });
      if (!(await revokePreviewLink(db, { formId: request.params.form }, request.params.id, new Date()))) return reply.code(404).send({ error: 'There is no such preview link.' });
      await audit(db, request.coordinator!.username, 'preview-link-revoked', request.params.form, new Date(), units);
      return reply.code(204).send();
    },
  );

  // No account needed: the token is the permission. Logs show only the route, not the token.
  api.get(
    '/api/preview/:token',
    { schema: { hide: true, params: z.strictObject({ token: previewToken }) } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const link = await previewLink(db, hashSecret(request.params.token));
      if (link.state !== 'live') return reply.code(404).send(noPreview(link.state));
      if (link.kind === 'draft') return { subject: 'draft', definition: link.draft.definition, check: checkDraft(link.draft.definition), notices: [] };
      // A notice is previewed on the start screen of the form its kiosks show now.
      const form = (await publishedForm(db, link.formId)) ?? defaultForm;
      return { subject: 'notice', definition: form, check: checkDraft(form), notices: [kioskNoticeOf(link.notice)] };
    },
  );
}
