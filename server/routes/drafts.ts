import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { checkDraft, draftSaveRequest, historyOf, type FormHistory } from '../../src/domain/draft';
import { identifier, parseFormDefinition } from '../../src/domain/form-schema';
import { errorAnswer } from '../../src/domain/sync-protocol';
import { hasUnits, unitsAskedFor } from '../access';
import { audit } from '../db/audit-log';
import type { Database } from '../db/database';
import { discardDraft, draftOf, publishDraft, saveDraft, startDraft, startNewForm, type DraftRow } from '../db/drafts';
import { formsOfUnitsAndResponses, formVersions } from '../db/forms';
import { unitsUsingForm } from '../db/units';
import { sameOriginOnly } from './coordinator-auth';

const formParams = z.strictObject({ form: identifier });
// A form of fifty questions in several languages fits well within this.
const DRAFT_BODY_LIMIT = 512 * 1024;

export const NOT_YOUR_FORM = 'There is no such form among your units’ forms.';

/**
 * The units whose kiosks get a form now, if the user may change it: an area administrator may
 * change any form; a unit coordinator one that only their units use (or none does yet). Null
 * otherwise: another unit's form is answered as one that does not exist (404).
 */
export async function formUnitsIfMine(db: Database, request: FastifyRequest, formId: string, defaultFormId: string): Promise<string[] | null> {
  const using = await unitsUsingForm(db, formId, defaultFormId);
  return hasUnits(request.access!, using) ? using : null;
}

/** A coordinator's draft of a form: made from the published version, edited, checked, published to units. */
export function draftRoutes(app: FastifyInstance, db: Database, defaultFormId: string) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const access = { access: 'forms' as const };
  const history = async (formId: string) => historyOf(await formVersions(db, formId));
  const answer = async (formId: string, units: string[], known?: FormHistory, read?: DraftRow) => {
    const used = known ?? (await history(formId));
    const draft = read ?? (await draftOf(db, formId))!;
    return {
      basedOnVersion: draft.basedOnVersion,
      definition: draft.definition,
      // The ids earlier versions used, so the editor never gives a new question an old one's id.
      history: used,
      check: checkDraft(draft.definition, used),
      updatedAt: draft.updatedAt,
      updatedBy: draft.updatedBy,
      /** The units whose kiosks get the form now: publishing changes what they show. */
      units,
    };
  };
  const mine = (request: FastifyRequest, formId: string) => formUnitsIfMine(db, request, formId, defaultFormId);

  api.get('/api/coordinator/forms/:form/draft', { config: access, schema: { hide: true, params: formParams } }, async (request, reply) => {
    const units = await mine(request, request.params.form);
    if (!units) return reply.code(404).send({ error: NOT_YOUR_FORM });
    if (!(await draftOf(db, request.params.form))) return reply.code(404).send({ error: 'This form has no draft. Make one from the published version.' });
    return answer(request.params.form, units);
  });

  api.post('/api/coordinator/forms/:form/draft', { onRequest: sameOriginOnly, config: access, schema: { hide: true, params: formParams } }, async (request, reply) => {
    const units = await mine(request, request.params.form);
    if (!units) return reply.code(404).send({ error: NOT_YOUR_FORM });
    const draft = await startDraft(db, request.params.form, request.coordinator!.username, new Date());
    if (!draft) return reply.code(404).send({ error: `Form ${request.params.form} has no published version to start from.` });
    return reply.code(201).send(await answer(request.params.form, units));
  });

  // A form of a unit's own, started as a copy of one it may see (its own, or the shared one).
  api.post(
    '/api/coordinator/forms',
    { onRequest: sameOriginOnly, config: access, schema: { hide: true, body: z.strictObject({ id: identifier, copyOf: identifier }) } },
    async (request, reply) => {
      const { id, copyOf } = request.body;
      const visible = await formsOfUnitsAndResponses(db, request.access!.units, defaultFormId, { unused: true });
      if (!visible.some((f) => f.id === copyOf)) return reply.code(404).send({ error: NOT_YOUR_FORM });
      const draft = await startNewForm(db, id, copyOf, request.coordinator!.username, new Date());
      if (draft === false) return reply.code(409).send({ error: `A form with the id ${id} exists already. Choose another id.` });
      if (!draft) return reply.code(404).send({ error: `Form ${copyOf} has no published version to copy.` });
      return reply.code(201).send(await answer(id, []));
    },
  );

  api.put(
    '/api/coordinator/forms/:form/draft',
    { onRequest: sameOriginOnly, config: access, bodyLimit: DRAFT_BODY_LIMIT, schema: { hide: true, params: formParams, body: draftSaveRequest } },
    async (request, reply) => {
      const { form } = request.params;
      const units = await mine(request, form);
      if (!units) return reply.code(404).send({ error: NOT_YOUR_FORM });
      if (!(await draftOf(db, form))) return reply.code(404).send({ error: 'This form has no draft. Make one from the published version.' });
      const used = await history(form);
      const check = checkDraft(request.body.definition, used);
      if (!check.canSave) {
        return reply.code(400).send({ error: `The draft has ${check.problems.length} problem(s) to put right before it is saved.`, check });
      }
      const definition = request.body.definition as { id?: unknown };
      if (definition.id !== form) return reply.code(400).send({ error: `The draft is of form ${String(definition.id)}, not ${form}.` });
      const saved = await saveDraft(db, form, request.body.definition, request.coordinator!.username, new Date(), request.body.basedOn);
      if (saved === 'gone') return reply.code(404).send({ error: 'This form has no draft any more: it was published or discarded a moment ago. Nothing was saved.' });
      if ('changed' in saved) {
        // The editor shows theirs beside what it has, and lets the coordinator choose: nothing is lost unseen.
        const current = await answer(form, units, used, saved.changed);
        return reply.code(409).send({
          error: `${current.updatedBy} saved this draft at ${current.updatedAt}, after you opened it. Nothing was saved: look at their changes, then keep theirs or save yours over them.`,
          current,
        });
      }
      return answer(form, units, used, saved.saved);
    },
  );

  api.delete('/api/coordinator/forms/:form/draft', { onRequest: sameOriginOnly, config: access, schema: { hide: true, params: formParams } }, async (request, reply) => {
    const units = await mine(request, request.params.form);
    if (!units) return reply.code(404).send({ error: NOT_YOUR_FORM });
    if (!(await discardDraft(db, request.params.form, new Date()))) return reply.code(404).send({ error: 'This form has no draft to discard.' });
    await audit(db, request.coordinator!.username, 'draft-discarded', request.params.form, new Date(), units);
    return reply.code(204).send();
  });

  api.post(
    '/api/coordinator/forms/:form/draft/publish',
    {
      onRequest: sameOriginOnly,
      config: access,
      schema: {
        hide: true,
        params: formParams,
        // The units to publish to, besides those that have the form already; left out: those only.
        body: z.optional(z.nullable(z.strictObject({ units: z.optional(z.array(identifier).check(z.maxLength(1000))) }))),
        response: { 201: z.strictObject({ version: z.int(), units: z.array(z.string()) }), 400: z.unknown(), 401: errorAnswer, 403: errorAnswer, 404: errorAnswer, 409: errorAnswer },
      },
    },
    async (request, reply) => {
      const { form } = request.params;
      const using = await mine(request, form);
      if (!using) return reply.code(404).send({ error: NOT_YOUR_FORM });
      const asked = request.body?.units ?? [];
      const added = asked.length > 0 ? unitsAskedFor(request.access!, asked) : [];
      const units = [...new Set([...using, ...added])].sort();
      if (units.length === 0) return reply.code(400).send({ error: 'Choose the units to publish this form to: no unit has it yet.' });
      const draft = await draftOf(db, form);
      if (!draft) return reply.code(404).send({ error: 'This form has no draft to publish.' });
      const check = checkDraft(draft.definition, await history(form));
      if (!check.canPublish) {
        return reply.code(400).send({
          error: `The draft cannot be published yet: ${check.problems.length} problem(s) and ${check.missingTexts.length} missing text(s).`,
          check,
        });
      }
      const version = await publishDraft(db, form, parseFormDefinition(draft.definition), new Date(), draft.updatedAt, added);
      if (version === 'gone') return reply.code(404).send({ error: 'This form has no draft to publish: it was published or discarded a moment ago.' });
      if (version === 'changed') return reply.code(409).send({ error: 'The draft was saved again a moment ago: look at it again before publishing.' });
      await audit(db, request.coordinator!.username, 'form-published', `${form} version ${version}`, new Date(), units);
      return reply.code(201).send({ version, units });
    },
  );
}
