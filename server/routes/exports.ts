import { randomInt } from 'node:crypto';
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { csvDelimiter } from '../../src/domain/csv-cells';
import { EXPORT_FILES, exportQuery, type ExportFile, type ExportQuery } from '../../src/domain/export-query';
import {
  dayLogRows,
  freeTextRows,
  responseColumns,
  responseHeader,
  responseRows,
  shownFreeTexts,
  SummaryCounter,
  type ExportSetup,
  type Row,
} from '../../src/domain/exports';
import type { FeedbackResponse } from '../../src/domain/response';
import { periodOf, wholePeriods, type Period } from '../../src/domain/periods';
import { errorAnswer } from '../../src/domain/sync-protocol';
import { audit } from '../db/audit-log';
import type { Database } from '../db/database';
import { dayLogBetween } from '../db/day-log';
import { openReader, responsesBetween, responsesPerDate, type Reader } from '../db/export-reader';
import { formVersions } from '../db/forms';
import { freeTextsBetween } from '../db/free-texts';
import { requireCoordinator } from './coordinator-auth';

// The day log's column names in the file's label language; the coordinator's area has them too.
const PROFESSIONAL_LABELS: Record<string, Record<string, string>> = {
  fi: { 'adult-social-work': 'Aikuissosiaalityö', 'health-station': 'Terveysasema', 'addiction-services': 'Päihdepalvelut', 'shelter-home': 'Turvakoti', other: 'Muu' },
  sv: { 'adult-social-work': 'Socialt arbete för vuxna', 'health-station': 'Hälsostationen', 'addiction-services': 'Missbrukarvården', 'shelter-home': 'Skyddshemmet', other: 'Annan' },
  en: { 'adult-social-work': 'Adult social work', 'health-station': 'Health station', 'addiction-services': 'Addiction services', 'shelter-home': 'Shelter home', other: 'Other' },
};

/** The four CSV downloads, streamed from the database with memory that does not grow with the data. */
export function exportRoutes(app: FastifyInstance, db: Database) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/coordinator/exports/:file',
    {
      onRequest: requireCoordinator(db),
      schema: {
        hide: true,
        params: z.strictObject({ file: z.enum(EXPORT_FILES.map((f) => `${f}.csv`) as [string, ...string[]]) }),
        querystring: exportQuery,
        response: { 400: errorAnswer, 401: errorAnswer, 404: errorAnswer },
      },
    },
    async (request, reply) => {
      const file = request.params.file.replace(/\.csv$/, '') as ExportFile;
      const query = request.query;
      const versions = formVersions(db, query.form);
      if (versions.length === 0) return reply.code(404).send({ error: `There is no form ${query.form}.` });
      // Summaries cover whole days, weeks or months: two downloads cannot be subtracted to reveal a small count.
      const range = file === 'summary' || file === 'free-texts' ? wholePeriods(query.from, query.to, query.period) : query;
      const setup: ExportSetup = { versions, labelLanguage: query.labels, format: query.format };
      const reader = openReader(db.name);
      const rows = Readable.from(exportRows(file, reader, db, query, range, setup));
      const csv = stringify({ delimiter: csvDelimiter(query.format), bom: true, record_delimiter: 'windows' });
      rows.on('error', (error) => csv.destroy(error));
      rows.pipe(csv);
      csv.on('close', () => reader.close());
      audit(db, request.coordinator!.username, 'download', `${file}.csv ${query.form} ${range.from}..${range.to}${file === 'summary' ? ` by ${query.period}` : ''}`);
      const plain: FastifyReply = reply;
      return plain
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file}-${query.form}-${range.from}-${range.to}.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );
}

function* exportRows(file: ExportFile, reader: Reader, db: Database, query: ExportQuery, range: { from: string; to: string }, setup: ExportSetup): Generator<Row> {
  const { form } = query;
  if (file === 'day-log') {
    yield* dayLogRows(dayLogBetween(db, range.from, range.to), PROFESSIONAL_LABELS[query.labels] ?? PROFESSIONAL_LABELS.fi!);
  } else if (file === 'summary') {
    const counter = new SummaryCounter(query.period);
    for (const response of responsesBetween(reader, form, range.from, range.to)) counter.add(response);
    const meals = new Map<string, number>();
    for (const day of dayLogBetween(db, range.from, range.to)) {
      if (day.mealsServed === null) continue;
      const period = periodOf(day.date, query.period);
      meals.set(period, (meals.get(period) ?? 0) + day.mealsServed);
    }
    yield* counter.rows(setup, meals);
  } else if (file === 'responses') {
    const columns = responseColumns(setup);
    yield responseHeader(columns);
    // A day at a time: the age-group rule needs the day's counts before its rows go out.
    let day: FeedbackResponse[] = [];
    for (const response of responsesBetween(reader, form, range.from, range.to)) {
      if (day.length > 0 && day[0]!.date !== response.date) {
        yield* responseRows(day, columns, setup);
        day = [];
      }
      day.push(response);
    }
    yield* responseRows(day, columns, setup);
  } else {
    const texts = freeTextsBetween(reader, setup.versions, range.from, range.to);
    yield* freeTextRows(shownFreeTexts(texts, responsesPerPeriod(reader, form, range, query.period), query.period, secureRandom), setup);
  }
}

/** A random number from the operating system's generator: the shuffled order must not be guessable. */
export const secureRandom = () => randomInt(2 ** 32) / 2 ** 32;

export function responsesPerPeriod(reader: Reader, form: string, range: { from: string; to: string }, period: Period): Map<string, number> {
  const perPeriod = new Map<string, number>();
  for (const { date, count } of responsesPerDate(reader, form, range.from, range.to)) {
    const key = periodOf(date, period);
    perPeriod.set(key, (perPeriod.get(key) ?? 0) + count);
  }
  return perPeriod;
}
