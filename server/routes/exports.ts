import { randomInt } from 'node:crypto';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { monthsWithAgeGroups, type AgeGroupCounts } from '../../src/domain/age-groups';
import { csvDelimiter } from '../../src/domain/csv-cells';
import { EXPORT_FILES, exportQuery, type ExportFile, type ExportQuery } from '../../src/domain/export-query';
import {
  dayLogRows,
  freeTextRows,
  responseColumns,
  responseHeader,
  responseRows,
  backgroundQuestion,
  FREE_TEXT_PERIOD,
  shownFreeTexts,
  SummaryCounter,
  type ExportSetup,
  type Row,
} from '../../src/domain/exports';
import type { FormDefinition } from '../../src/domain/form-schema';
import { localDay } from '../../src/domain/local-day';
import { periodOf, wholePeriods } from '../../src/domain/periods';
import { errorAnswer } from '../../src/domain/sync-protocol';
import { audit } from '../db/audit-log';
import type { Database } from '../db/database';
import { dayLogBetween } from '../db/day-log';
import { daysOfResponses, openReader, responsesPerDateAndLanguage, type Reader } from '../db/export-reader';
import { formVersions } from '../db/forms';
import { freeTextsBetween } from '../db/free-texts';
import { publishedAgeGroups, storeAgeGroups } from '../db/published-age-groups';
import { requireCoordinator } from './coordinator-auth';
import { COMPRESSED } from '../compression';

// The day log's column names in the file's label language; the coordinator's area has them too.
const PROFESSIONAL_LABELS: Record<string, Record<string, string>> = {
  fi: { 'adult-social-work': 'Aikuissosiaalityö', 'health-station': 'Terveysasema', 'addiction-services': 'Päihdepalvelut', 'shelter-home': 'Turvakoti', other: 'Muu' },
  sv: { 'adult-social-work': 'Socialt arbete för vuxna', 'health-station': 'Hälsostationen', 'addiction-services': 'Missbrukarvården', 'shelter-home': 'Skyddshemmet', other: 'Annan' },
  en: { 'adult-social-work': 'Adult social work', 'health-station': 'Health station', 'addiction-services': 'Addiction services', 'shelter-home': 'Shelter home', other: 'Other' },
};

/** The four CSV downloads, streamed from the database a day at a time, with memory that does not grow with the data. */
export function exportRoutes(app: FastifyInstance, db: Database, clock: () => Date) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/coordinator/exports/:file',
    {
      onRequest: requireCoordinator(db),
      compress: COMPRESSED,
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
      const versions = await formVersions(db, query.form);
      if (versions.length === 0) return reply.code(404).send({ error: `There is no form ${query.form}.` });
      // Summaries cover whole days, weeks or months, and free texts whole weeks, whatever the
      // summary's period: two downloads cannot be subtracted to reveal a small count.
      const range =
        file === 'summary' ? wholePeriods(query.from, query.to, query.period) : file === 'free-texts' ? wholePeriods(query.from, query.to, FREE_TEXT_PERIOD) : query;
      const setup: ExportSetup = { versions, labelLanguage: query.labels, format: query.format };
      const today = localDay(clock()).date;
      const summaryDetail = file === 'summary' ? ` by ${query.period}${query.split === 'version' ? ' and version' : ''}` : '';
      await audit(db, request.coordinator!.username, 'download', `${file}.csv ${query.form} ${range.from}..${range.to}${summaryDetail}`);
      const reader = await openReader(db);
      const csv = Readable.from(exportText(file, reader, db, query, range, setup, today), { objectMode: false });
      csv.on('close', () => void reader.close().catch((error: unknown) => request.log.warn({ err: error }, 'a download\'s reader did not close')));
      const plain: FastifyReply = reply;
      return plain
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file}${file === 'summary' && query.split === 'version' ? '-by-version' : ''}-${query.form}-${range.from}-${range.to}.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );
}

/**
 * The file as text, a chunk at a time, quoted by Papa Parse as RFC 4180 says: UTF-8 with a byte
 * order mark (so Excel reads it as UTF-8), CRLF line ends. The responses file goes a day at a
 * time; the others are small and go whole.
 *
 * While the download waits for a slow connection, only the text of one chunk may stay alive:
 * each chunk is made in a function that returns its text, so the day's responses and rows are
 * garbage by the time the generator pauses, and the memory stays flat however slow the reader.
 */
async function* exportText(file: ExportFile, reader: Reader, db: Database, query: ExportQuery, range: { from: string; to: string }, setup: ExportSetup, today: string): AsyncGenerator<string> {
  const delimiter = csvDelimiter(query.format);
  const csv = (rows: Row[]) => (rows.length === 0 ? '' : `${Papa.unparse(rows, { delimiter, newline: '\r\n', header: false })}\r\n`);
  // The reader is one snapshot: every day of the file is from the same moment.
  yield '\ufeff';
  if (file === 'responses') {
    const columns = responseColumns(setup);
    yield csv([responseHeader(columns)]);
    const days = daysOfResponses(reader, query.form, range.from, range.to);
    const nextDay = async () => {
      const day = await days.next();
      return day.done ? null : csv(responseRows(day.value, columns));
    };
    for (let text = await nextDay(); text !== null; text = await nextDay()) yield text;
    return;
  }
  yield csv(await smallFileRows(file, reader, db, query, range, setup, today));
}

async function smallFileRows(file: ExportFile, reader: Reader, db: Database, query: ExportQuery, range: { from: string; to: string }, setup: ExportSetup, today: string): Promise<Row[]> {
  if (file === 'day-log') return dayLogRows(await dayLogBetween(db, range.from, range.to), PROFESSIONAL_LABELS[query.labels] ?? PROFESSIONAL_LABELS.fi!);
  if (file === 'summary') {
    const counter = new SummaryCounter(query.period, backgroundQuestion(setup.versions), query.split);
    for await (const day of daysOfResponses(reader, query.form, range.from, range.to)) counter.addDay(day);
    const meals = new Map<string, number>();
    for (const day of await dayLogBetween(db, range.from, range.to)) {
      if (day.mealsServed === null) continue;
      const period = periodOf(day.date, query.period);
      meals.set(period, (meals.get(period) ?? 0) + day.mealsServed);
    }
    return counter.rows(setup, meals, await ageGroupsToShow(db, query, range, setup.versions, today, counter));
  }
  const texts = await freeTextsBetween(reader, setup.versions, range.from, range.to);
  return freeTextRows(shownFreeTexts(texts, await responsesPerDateAndLanguage(reader, query.form, range.from, range.to), setup.versions, today, secureRandom), setup);
}

/**
 * The age-group counts a summary by month (not split) shows: of the months in its range that
 * ended long enough ago (monthsWithAgeGroups), those stored the first time a summary showed them.
 * A month shown for the first time is stored now from this summary's own counts (its range
 * covers whole months), by the main connection beside the file's read-only one, so every later
 * summary shows the same figures whatever arrives after. A month with no responses stores nothing.
 */
async function ageGroupsToShow(
  db: Database,
  query: ExportQuery,
  range: { from: string; to: string },
  versions: FormDefinition[],
  today: string,
  counted: SummaryCounter,
): Promise<Map<string, AgeGroupCounts>> {
  const question = backgroundQuestion(versions);
  if (question === null || query.period !== 'month' || query.split !== 'none') return new Map();
  const months = monthsWithAgeGroups(range.from, range.to, today);
  const stored = await publishedAgeGroups(db, query.form, question, months);
  const unstored = new Set(months.filter((month) => !stored.has(month)));
  if (unstored.size === 0) return stored;
  await storeAgeGroups(db, query.form, new Map([...counted.ageGroupCounts(versions)].filter(([month]) => unstored.has(month))));
  // Read back: counts another server stored first are the ones published.
  return publishedAgeGroups(db, query.form, question, months);
}

/** A random number from the operating system's generator: the shuffled order must not be guessable. */
export const secureRandom = () => randomInt(2 ** 32) / 2 ** 32;
