import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { formDefinition, type FormDefinition } from '../../src/domain/form-schema';
import { errorAnswer } from '../../src/domain/sync-protocol';
import type { Database } from '../db/database';
import { publishedForm } from '../db/forms';
import { formOfUnit } from '../db/units';
import { DEVICE_TOKEN } from './api-description';
import { requireKiosk } from './kiosk-auth';
import { COMPRESSED } from '../compression';

export const formEtag = (form: Pick<FormDefinition, 'id' | 'version'>) => `"${form.id}-${form.version}"`;

/**
 * GET /api/kiosk/form: the published version of the form of the kiosk's unit (the default form
 * unless one was published to the unit). The ETag is the form id and version, so a kiosk that has
 * it gets a 304 and nothing else.
 */
export function kioskFormRoutes(app: FastifyInstance, db: Database, defaultFormId: string) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/kiosk/form',
    {
      onRequest: requireKiosk(db),
      compress: COMPRESSED,
      schema: {
        summary: 'Fetch the published form',
        description:
          'The published version of the form of the unit the kiosk was enrolled in (each unit may have a form of its own), ' +
          'with an ETag of its id and version. ' +
          'Send If-None-Match with the ETag you have to get 304 Not Modified and no body when it is still current.',
        security: [{ [DEVICE_TOKEN]: [] }],
        response: { 200: formDefinition, 304: z.null(), 401: errorAnswer, 404: errorAnswer },
      },
    },
    async (request, reply) => {
      const formId = await formOfUnit(db, request.kiosk!.unitId, defaultFormId);
      const form = await publishedForm(db, formId);
      if (!form) return reply.code(404).send({ error: `No version of form ${formId} is published.` });
      const etag = formEtag(form);
      reply.header('etag', etag).header('cache-control', 'no-cache');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send(null);
      return form;
    },
  );
}
