import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { formDefinition, type FormDefinition } from '../../src/domain/form-schema';
import { kioskSetup, type KioskSetup } from '../../src/domain/kiosk-setup';
import { localDay } from '../../src/domain/local-day';
import { errorAnswer } from '../../src/domain/sync-protocol';
import type { Database } from '../db/database';
import { publishedForm } from '../db/forms';
import { noticesForKiosk } from '../db/notices';
import { openingHoursForKiosk } from '../db/opening-hours';
import { formOfUnit } from '../db/units';
import { DEVICE_TOKEN } from './api-description';
import { requireKiosk } from './kiosk-auth';
import { COMPRESSED } from '../compression';

export const formEtag = (form: Pick<FormDefinition, 'id' | 'version'>) => `"${form.id}-${form.version}"`;

/** The setup's ETag: a hash of all of it, so a notice or an hour changed is a new one. */
export const setupEtag = (setup: KioskSetup) => `"${createHash('sha256').update(JSON.stringify(setup)).digest('base64url').slice(0, 32)}"`;

/** Answers 304 and nothing else when the kiosk has this ETag already. */
function answerWithEtag<T>(request: FastifyRequest, reply: FastifyReply, etag: string, body: T): T | FastifyReply {
  reply.header('etag', etag).header('cache-control', 'no-cache');
  if (request.headers['if-none-match'] === etag) return reply.code(304).send(null);
  return body;
}

/**
 * GET /api/kiosk/setup: what the kiosk keeps for offline use, as one: the published form of its
 * unit (the default form unless one was published to the unit), its notices and its opening
 * hours. GET /api/kiosk/form: the form alone, for kiosks still running an app from before notices.
 */
export function kioskFormRoutes(app: FastifyInstance, db: Database, defaultFormId: string, clock: () => Date) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const formOf = async (request: FastifyRequest) => {
    const formId = await formOfUnit(db, request.kiosk!.unitId, defaultFormId);
    return { formId, form: await publishedForm(db, formId) };
  };

  api.get(
    '/api/kiosk/setup',
    {
      onRequest: requireKiosk(db),
      compress: COMPRESSED,
      schema: {
        summary: 'Fetch the form, notices and opening hours',
        description:
          'What the kiosk keeps for offline use: the published version of the form of the unit the kiosk was enrolled in, ' +
          'the published notices of that unit whose last day has not passed (the kiosk shows each from its first day to its last), ' +
          'and the opening hours (the kiosk’s own, else its unit’s; null when none are set). One ETag covers all of it: ' +
          'send If-None-Match with the ETag you have to get 304 Not Modified and no body when nothing has changed.',
        security: [{ [DEVICE_TOKEN]: [] }],
        response: { 200: kioskSetup, 304: z.null(), 401: errorAnswer, 404: errorAnswer },
      },
    },
    async (request, reply) => {
      const { formId, form } = await formOf(request);
      if (!form) return reply.code(404).send({ error: `No version of form ${formId} is published.` });
      const kiosk = request.kiosk!;
      const setup: KioskSetup = {
        form,
        notices: await noticesForKiosk(db, kiosk.unitId, localDay(clock()).date),
        openingHours: await openingHoursForKiosk(db, { id: kiosk.id, unitId: kiosk.unitId }),
      };
      return answerWithEtag(request, reply, setupEtag(setup), setup);
    },
  );

  api.get(
    '/api/kiosk/form',
    {
      onRequest: requireKiosk(db),
      compress: COMPRESSED,
      schema: {
        summary: 'Fetch the published form (older kiosks)',
        description:
          'The published version of the form of the unit the kiosk was enrolled in, with an ETag of its id and version. ' +
          'Kiosks from before notices and opening hours ask for this; newer ones ask for /api/kiosk/setup.',
        security: [{ [DEVICE_TOKEN]: [] }],
        response: { 200: formDefinition, 304: z.null(), 401: errorAnswer, 404: errorAnswer },
      },
    },
    async (request, reply) => {
      const { formId, form } = await formOf(request);
      if (!form) return reply.code(404).send({ error: `No version of form ${formId} is published.` });
      return answerWithEtag(request, reply, formEtag(form), form);
    },
  );
}
