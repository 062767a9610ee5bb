import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { buildDashboard } from '../../src/domain/dashboard';
import { dashboardQuery } from '../../src/domain/dashboard-query';
import { formDefinition, localizedText } from '../../src/domain/form-schema';
import { errorAnswer } from '../../src/domain/sync-protocol';
import { answerCountsBetween, responseCountsBetween } from '../db/answer-counts';
import type { Database } from '../db/database';
import { dayLogBetween } from '../db/day-log';
import { formList, formVersions } from '../db/forms';
import { abandonedBetween } from '../db/kiosks';
import { requireCoordinator } from './coordinator-auth';
import { COMPRESSED } from '../compression';

/** The forms to choose from, and the dashboard of one form over a date range, language and version. */
export function dashboardRoutes(app: FastifyInstance, db: Database) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const signedIn = requireCoordinator(db);

  api.get(
    '/api/coordinator/forms',
    {
      onRequest: signedIn,
      schema: { hide: true, response: { 200: z.strictObject({ forms: z.array(z.strictObject({ id: z.string(), title: localizedText })) }), 401: errorAnswer } },
    },
    async () => ({ forms: await formList(db) }),
  );

  api.get(
    '/api/coordinator/dashboard',
    {
      onRequest: signedIn,
      compress: COMPRESSED,
      schema: {
        hide: true,
        querystring: dashboardQuery,
        // The dashboard is built by src/domain/dashboard.ts from counts, never from responses;
        // versions are all the form's versions, for labels and for choosing one.
        response: { 200: z.strictObject({ dashboard: z.unknown(), versions: z.array(formDefinition) }), 400: errorAnswer, 401: errorAnswer, 404: errorAnswer },
      },
    },
    async (request, reply) => {
      const { form, from, to, language, version } = request.query;
      const versions = await formVersions(db, form);
      if (versions.length === 0) return reply.code(404).send({ error: `There is no form ${form}.` });
      // One version chosen: its own questions, options and order, not the newest's.
      const counted = version === undefined ? versions : versions.filter((v) => v.version === version);
      if (counted.length === 0) return reply.code(404).send({ error: `Form ${form} has no version ${version}.` });
      const query = { formId: form, from, to, language: language ?? null, version: version ?? null };
      // Side by side: on PostgreSQL each goes on a connection of its own.
      const [answerCounts, responseCounts, dayLog, abandoned] = await Promise.all([
        answerCountsBetween(db, query),
        responseCountsBetween(db, query),
        dayLogBetween(db, from, to),
        abandonedBetween(db, from, to),
      ]);
      const dashboard = buildDashboard({ from, to, versions: counted, answerCounts, responseCounts, dayLog, abandoned });
      return { dashboard, versions };
    },
  );
}
