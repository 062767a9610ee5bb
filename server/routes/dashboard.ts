import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { buildDashboard, type DashboardInput } from '../../src/domain/dashboard';
import { dashboardQuery } from '../../src/domain/dashboard-query';
import { formDefinition, localizedText } from '../../src/domain/form-schema';
import { errorAnswer } from '../../src/domain/sync-protocol';
import { unit } from '../../src/domain/units';
import { may, unitsAskedFor } from '../access';
import { answerCountsBetween, responseCountsBetween } from '../db/answer-counts';
import type { Database } from '../db/database';
import { dayLogBetween } from '../db/day-log';
import { formsOfUnitsAndResponses, formVersions } from '../db/forms';
import { abandonedBetween } from '../db/kiosks';
import { listUnits, unitsByIds } from '../db/units';
import { COMPRESSED } from '../compression';

/** The units and forms to choose from, and the dashboard of one form over a date range, units, language and version. */
export function dashboardRoutes(app: FastifyInstance, db: Database, defaultFormId: string) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/coordinator/units',
    { config: { access: 'account' }, schema: { hide: true, response: { 200: z.strictObject({ units: z.array(unit) }), 401: errorAnswer } } },
    async (request) => {
      const mine = new Set(request.access!.units);
      return { units: (await listUnits(db)).filter((u) => mine.has(u.id)) };
    },
  );

  // The forms the user's units use or have responses to: another unit's own form is not listed.
  api.get(
    '/api/coordinator/forms',
    {
      config: { access: 'account' },
      schema: { hide: true, response: { 200: z.strictObject({ forms: z.array(z.strictObject({ id: z.string(), title: localizedText })) }), 401: errorAnswer } },
    },
    async (request) => ({ forms: await formsOfUnitsAndResponses(db, request.access!.units, defaultFormId, { unused: may(request.access!.role, 'forms') }) }),
  );

  api.get(
    '/api/coordinator/dashboard',
    {
      config: { access: 'dashboard' },
      compress: COMPRESSED,
      schema: {
        hide: true,
        querystring: dashboardQuery,
        // The dashboard is built by src/domain/dashboard.ts from counts, never from responses;
        // versions are all the form's versions, for labels and for choosing one.
        response: {
          200: z.strictObject({
            dashboard: z.unknown(),
            versions: z.array(formDefinition),
            units: z.array(unit),
            byUnit: z.optional(z.array(z.strictObject({ unit: z.string(), dashboard: z.unknown() }))),
          }),
          400: errorAnswer,
          401: errorAnswer,
          403: errorAnswer,
          404: errorAnswer,
        },
      },
    },
    async (request, reply) => {
      const { form, from, to, language, version, compare } = request.query;
      const units = unitsAskedFor(request.access!, request.query.units);
      const versions = await formVersions(db, form);
      if (versions.length === 0) return reply.code(404).send({ error: `There is no form ${form}.` });
      // One version chosen: its own questions, options and order, not the newest's.
      const counted = version === undefined ? versions : versions.filter((v) => v.version === version);
      if (counted.length === 0) return reply.code(404).send({ error: `Form ${form} has no version ${version}.` });
      const query = { formId: form, units, from, to, language: language ?? null, version: version ?? null };
      // Side by side: on PostgreSQL each goes on a connection of its own.
      const [answerCounts, responseCounts, dayLog, abandoned] = await Promise.all([
        answerCountsBetween(db, query),
        responseCountsBetween(db, query),
        dayLogBetween(db, units, from, to),
        abandonedBetween(db, units, from, to),
      ]);
      const input: DashboardInput = { from, to, versions: counted, answerCounts, responseCounts, dayLog, abandoned };
      const ofUnit = (id: string): DashboardInput => ({
        ...input,
        answerCounts: answerCounts.filter((row) => row.unit === id),
        responseCounts: responseCounts.filter((row) => row.unit === id),
        dayLog: dayLog.filter((row) => row.unit === id),
        abandoned: abandoned.filter((row) => row.unit === id),
      });
      return {
        dashboard: buildDashboard(input),
        versions,
        units: await unitsByIds(db, units),
        ...(compare === 'units' ? { byUnit: units.map((id) => ({ unit: id, dashboard: buildDashboard(ofUnit(id)) })) } : {}),
      };
    },
  );
}
