import type { FastifyInstance } from 'fastify';
import type { FormDefinition } from '../../src/domain/form-schema';
import type { Database } from '../db/database';
import { publishedForm } from '../db/forms';
import { requireKiosk } from './kiosk-auth';

export const formEtag = (form: Pick<FormDefinition, 'id' | 'version'>) => `"${form.id}-${form.version}"`;

/**
 * GET /api/kiosk/form: the published version of the kiosk's form. The ETag is the form id and
 * version, so a kiosk that has it gets a 304 and nothing else.
 */
export function kioskFormRoutes(app: FastifyInstance, db: Database, formId: string) {
  app.get('/api/kiosk/form', { preHandler: requireKiosk(db) }, async (request, reply) => {
    const form = publishedForm(db, formId);
    if (!form) return reply.code(404).send({ error: `No version of form ${formId} is published.` });
    const etag = formEtag(form);
    reply.header('etag', etag).header('cache-control', 'no-cache');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return form;
  });
}
