import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { checkDraft, historyOf, type FormHistory } from '../../src/domain/draft';
import { identifier, parseFormDefinition } from '../../src/domain/form-schema';
import { errorAnswer } from '../../src/domain/sync-protocol';
import { audit } from '../db/audit-log';
import type { Database } from '../db/database';
import { discardDraft, draftOf, publishDraft, saveDraft, startDraft } from '../db/drafts';
import { formVersions } from '../db/forms';
import { requireCoordinator, sameOriginOnly } from './coordinator-auth';

const formParams = z.strictObject({ form: identifier });
// A form of fifty questions in several languages fits well within this.
const DRAFT_BODY_LIMIT = 512 * 1024;

/** A coordinator's draft of a form: made from the published version, edited, checked, published. */
export function draftRoutes(app: FastifyInstance, db: Database) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const signedIn = requireCoordinator(db);
  const changes = [sameOriginOnly, signedIn];
  const history = async (formId: string) => historyOf(await formVersions(db, formId));
  const answer = async (formId: string, known?: FormHistory) => {
    const used = known ?? (await history(formId));
    const draft = (await draftOf(db, formId))!;
    return {
      basedOnVersion: draft.basedOnVersion,
      definition: draft.definition,
      // The ids earlier versions used, so the editor never gives a new question an old one's id.
      history: used,
      check: checkDraft(draft.definition, used),
      updatedAt: draft.updatedAt,
      updatedBy: draft.updatedBy,
    };
  };

  api.get('/api/coordinator/forms/:form/draft', { onRequest: signedIn, schema: { hide: true, params: formParams } }, async (request, reply) => {
    if (!(await draftOf(db, request.params.form))) return reply.code(404).send({ error: 'This form has no draft. Make one from the published version.' });
    return answer(request.params.form);
  });

  api.post('/api/coordinator/forms/:form/draft', { onRequest: changes, schema: { hide: true, params: formParams } }, async (request, reply) => {
    const draft = await startDraft(db, request.params.form, request.coordinator!.username, new Date());
    if (!draft) return reply.code(404).send({ error: `Form ${request.params.form} has no published version to start from.` });
    return reply.code(201).send(await answer(request.params.form));
  });

  api.put(
    '/api/coordinator/forms/:form/draft',
    { onRequest: changes, bodyLimit: DRAFT_BODY_LIMIT, schema: { hide: true, params: formParams, body: z.strictObject({ definition: z.unknown() }) } },
    async (request, reply) => {
      const { form } = request.params;
      if (!(await draftOf(db, form))) return reply.code(404).send({ error: 'This form has no draft. Make one from the published version.' });
      const used = await history(form);
      const check = checkDraft(request.body.definition, used);
      if (!check.canSave) {
        return reply.code(400).send({ error: `The draft has ${check.problems.length} problem(s) to put right before it is saved.`, check });
      }
      const definition = request.body.definition as { id?: unknown };
      if (definition.id !== form) return reply.code(400).send({ error: `The draft is of form ${String(definition.id)}, not ${form}.` });
      await saveDraft(db, form, request.body.definition, request.coordinator!.username, new Date());
      return answer(form, used);
    },
  );

  api.delete('/api/coordinator/forms/:form/draft', { onRequest: changes, schema: { hide: true, params: formParams } }, async (request, reply) => {
    if (!(await discardDraft(db, request.params.form, new Date()))) return reply.code(404).send({ error: 'This form has no draft to discard.' });
    await audit(db, request.coordinator!.username, 'draft-discarded', request.params.form);
    return reply.code(204).send();
  });

  api.post(
    '/api/coordinator/forms/:form/draft/publish',
    {
      onRequest: changes,
      schema: { hide: true, params: formParams, response: { 201: z.strictObject({ version: z.int() }), 400: z.unknown(), 401: errorAnswer, 403: errorAnswer, 404: errorAnswer, 409: errorAnswer } },
    },
    async (request, reply) => {
      const { form } = request.params;
      const draft = await draftOf(db, form);
      if (!draft) return reply.code(404).send({ error: 'This form has no draft to publish.' });
      const check = checkDraft(draft.definition, await history(form));
      if (!check.canPublish) {
        return reply.code(400).send({
          error: `The draft cannot be published yet: ${check.problems.length} problem(s) and ${check.missingTexts.length} missing text(s).`,
          check,
        });
      }
      const version = await publishDraft(db, form, parseFormDefinition(draft.definition), new Date(), draft.updatedAt);
      if (version === 'gone') return reply.code(404).send({ error: 'This form has no draft to publish: it was published or discarded a moment ago.' });
      if (version === 'changed') return reply.code(409).send({ error: 'The draft was saved again a moment ago: look at it again before publishing.' });
      await audit(db, request.coordinator!.username, 'form-published', `${form} version ${version}`);
      return reply.code(201).send({ version });
    },
  );
}
