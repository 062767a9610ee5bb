import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import type { DashboardInput } from '../../src/domain/dashboard';
import { formDefinition } from '../../src/domain/form-schema';
import { buildReport } from '../../src/domain/report';
import { reportCsv } from '../../src/domain/report-csv';
import { MAX_REPORT_DAYS, reportCsvQuery, reportQuery, type ReportQuery } from '../../src/domain/report-query';
import { addDays } from '../../src/domain/periods';
import { formLabels } from '../../src/domain/form-labels';
import { unitName } from '../../src/domain/units';
import { errorAnswer } from '../../src/domain/sync-protocol';
import { unit } from '../../src/domain/units';
import { unitsAskedFor } from '../access';
import { COMPRESSED } from '../compression';
import { answerCountsBetween, responseCountsBetween, responseSpan } from '../db/answer-counts';
import type { Database } from '../db/database';
import { dayLogBetween } from '../db/day-log';
import { formVersions } from '../db/forms';
import { unitsByIds } from '../db/units';
import { audit } from '../db/audit-log';
import { PROFESSIONAL_LABELS } from './exports';

/** The pilot's span, or its last MAX_REPORT_DAYS days when it is longer. */
function lastYearsOf(span: { from: string; to: string } | null): { from: string; to: string } | null {
  if (!span) return null;
  const earliest = addDays(span.to, -(MAX_REPORT_DAYS - 1));
  return { from: span.from < earliest ? earliest : span.from, to: span.to };
}

/**
 * The report's inputs: the counts and day logs of the units asked for over the period (the
 * pilot's span when none is given), and the form's versions. Undefined when the form has no
 * version; a period of null when there is nothing to report on yet.
 */
export async function reportInputs(db: Database, request: FastifyRequest, query: ReportQuery) {
  const units = unitsAskedFor(request.access!, query.units);
  const versions = await formVersions(db, query.form);
  if (versions.length === 0) return undefined;
  const period = query.from && query.to ? { from: query.from, to: query.to } : lastYearsOf(await responseSpan(db, query.form, units));
  if (!period) return { units, versions, period: null, inputs: [] };
  const counts = { formId: query.form, units, ...period, language: null, version: null };
  const [answerCounts, responseCounts, dayLog] = await Promise.all([
    answerCountsBetween(db, counts),
    responseCountsBetween(db, counts),
    dayLogBetween(db, units, period.from, period.to),
  ]);
  const all: DashboardInput = { ...period, versions, answerCounts, responseCounts, dayLog, abandoned: [] };
  const ofUnit = (id: string): DashboardInput => ({
    ...all,
    answerCounts: answerCounts.filter((row) => row.unit === id),
    responseCounts: responseCounts.filter((row) => row.unit === id),
    dayLog: dayLog.filter((row) => row.unit === id),
  });
  // The total first, then each unit when compared side by side.
  const inputs = [{ unit: null, input: all }, ...(query.compare === 'units' ? units.map((id) => ({ unit: id, input: ofUnit(id) })) : [])];
  return { units, versions, period, inputs };
}

/**
 * The pilot's evaluation report: key figures, the day's distribution by week, answers on days a
 * professional was present against other days with their intervals, reach and needs. Built by
 * src/domain/report.ts from the counts alone: no age group and no free text, as in the dashboard.
 */
export function reportRoutes(app: FastifyInstance, db: Database) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/coordinator/report',
    {
      config: { access: 'dashboard' },
      compress: COMPRESSED,
      schema: {
        hide: true,
        querystring: reportQuery,
        response: {
          200: z.strictObject({
            period: z.nullable(z.strictObject({ from: z.string(), to: z.string() })),
            report: z.nullable(z.unknown()),
            byUnit: z.optional(z.array(z.strictObject({ unit: z.string(), report: z.unknown() }))),
            versions: z.array(formDefinition),
            units: z.array(unit),
          }),
          400: errorAnswer,
          401: errorAnswer,
          403: errorAnswer,
          404: errorAnswer,
        },
      },
    },
    async (request, reply) => {
      const found = await reportInputs(db, request, request.query);
      if (!found) return reply.code(404).send({ error: `There is no form ${request.query.form}.` });
      const [total, ...perUnit] = found.inputs.map(({ unit: id, input }) => ({ unit: id, report: buildReport(input) }));
      return {
        period: found.period,
        report: total?.report ?? null,
        ...(request.query.compare === 'units' ? { byUnit: perUnit.map(({ unit: id, report }) => ({ unit: id!, report })) } : {}),
        versions: found.versions,
        units: await unitsByIds(db, found.units),
      };
    },
  );

  // The report's figures as a CSV file in the downloads' format, audited like them.
  api.get(
    '/api/coordinator/report.csv',
    { config: { access: 'dashboard' }, compress: COMPRESSED, schema: { hide: true, querystring: reportCsvQuery } },
    async (request, reply) => {
      const { form, format = 'fi', labels: language = 'fi' } = request.query;
      const found = await reportInputs(db, request, request.query);
      if (!found) return reply.code(404).send({ error: `There is no form ${form}.` });
      if (!found.period) return reply.code(404).send({ error: 'There are no responses to report on yet.' });
      const names = new Map((await unitsByIds(db, found.units)).map((u) => [u.id, unitName(u.names, language)]));
      const nameOf = (ids: readonly string[]) => ids.map((id) => names.get(id) ?? id).join(' + ');
      const professionals = PROFESSIONAL_LABELS[language] ?? PROFESSIONAL_LABELS.fi!;
      const labels = { ...formLabels(found.versions, language), professional: (id: string) => professionals[id] ?? id };
      const parts = found.inputs.map(({ unit: id, input }) => ({ unit: nameOf(id === null ? found.units : [id]), report: buildReport(input) }));
      const { from, to } = found.period;
      await audit(db, request.coordinator!.username, 'download', `report.csv ${form} ${from}..${to}`, new Date(), found.units);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="report-${form}-${from}-${to}.csv"`)
        .header('cache-control', 'no-store')
        .send(reportCsv(parts, labels, format));
    },
  );
}
