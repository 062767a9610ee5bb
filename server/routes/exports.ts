import { randomInt } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { monthsWithAgeGroups } from '../../src/domain/age-groups';
import { CSV_START, csvLines } from '../../src/domain/csv-text';
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
  type UnitAgeGroups,
} from '../../src/domain/exports';
import type { FormDefinition } from '../../src/domain/form-schema';
import { localDay } from '../../src/domain/local-day';
import { periodOf, wholePeriods } from '../../src/domain/periods';
import { errorAnswer } from '../../src/domain/sync-protocol';
import { unitName } from '../../src/domain/units';
import { unitsAskedFor, type Capability } from '../access';
import { unitsByIds } from '../db/units';
import { audit } from '../db/audit-log';
import type { Database } from '../db/database';
import { dayLogBetween } from '../db/day-log';
import { daysOfResponses, openReader, responsesPerDateAndLanguage, type Reader } from '../db/export-reader';
import { formVersions } from '../db/forms';
import { freeTextsBetween } from '../db/free-texts';
import { publishedAgeGroups, storeAgeGroups } from '../db/published-age-groups';
import { COMPRESSED } from '../compression';

// The day log's column names in the file's label language; the coordinator's area has them too.
export const PROFESSIONAL_LABELS: Record<string, Record<string, string>> = {
  fi: { 'adult-social-work': 'Aikuissosiaalityö', 'health-station': 'Terveysasema', 'addiction-services': 'Päihdepalvelut', 'shelter-home': 'Turvakoti', other: 'Muu' },
  sv: { 'adult-social-work': 'Socialt arbete för vuxna', 'health-station': 'Hälsostationen', 'addiction-services': 'Missbrukarvården', 'shelter-home': 'Skyddshemmet', other: 'Annan' },
  en: { 'adult-social-work': 'Adult social work', 'health-station': 'Health station', 'addiction-services': 'Addiction services', 'shelter-home': 'Shelter home', other: 'Other' },
};

/** What each file needs: a viewer gets the summary only. */
const FILE_ACCESS: Record<ExportFile, Capability> = { summary: 'summary', responses: 'responses', 'day-log': 'day-log', 'free-texts': 'free-texts' };

/** The four CSV downloads, streamed from the database a day at a time, with memory that does not grow with the data. */
export function exportRoutes(app: FastifyInstance, db: Database, clock: () => Date) {
  for (const file of EXPORT_FILES) exportRoute(app, db, clock, file);
}

function exportRoute(app: FastifyInstance, db: Database, clock: () => Date, file: ExportFile) {
  app.withTypeProvider<ZodTypeProvider>().get(
    `/api/coordinator/exports/${file}.csv`,
    {
      config: { access: FILE_ACCESS[file] },
      compress: COMPRESSED,
      schema: {
        hide: true,
        querystring: exportQuery,
        response: { 400: errorAnswer, 401: errorAnswer, 403: errorAnswer, 404: errorAnswer },
      },
    },
    async (request, reply) => {
      const query = request.query;
      const units = unitsAskedFor(request.access!, query.units);
      const versions = await formVersions(db, query.form);
      if (versions.length === 0) return reply.code(404).send({ error: `There is no form ${query.form}.` });
      // Summaries cover whole days, weeks or months, and free texts whole weeks, whatever the
      // summary's period: two downloads cannot be subtracted to reveal a small count.
      const range =
        file === 'summary' ? wholePeriods(query.from, query.to, query.period) : file === 'free-texts' ? wholePeriods(query.from, query.to, FREE_TEXT_PERIOD) : query;
      const unitNames = new Map((await unitsByIds(db, units)).map((unit) => [unit.id, unitName(unit.names, query.labels)]));
      const setup: ExportSetup = { versions, labelLanguage: query.labels, format: query.format, unitNames };
      const today = localDay(clock()).date;
      const summaryDetail = file === 'summary' ? ` by ${query.period}${query.split === 'version' ? ' and version' : ''}${query.compare === 'units' ? ', units apart' : ''}` : '';
      await audit(db, request.coordinator!.username, 'download', `${file}.csv ${query.form} ${range.from}..${range.to}${summaryDetail}`, new Date(), units);
      const reader = await openReader(db);
      const csv = Readable.from(exportText(file, reader, db, query, units, range, setup, today), { objectMode: false });
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
async function* exportText(
  file: ExportFile,
  reader: Reader,
  db: Database,
  query: ExportQuery,
  units: string[],
  range: { from: string; to: string },
  setup: ExportSetup,
  today: string,
): AsyncGenerator<string> {
  const csv = (rows: Row[]) => csvLines(rows, query.format);
  // The reader is one snapshot: every day of the file is from the same moment.
  yield CSV_START;
  if (file === 'responses') {
    const columns = responseColumns(setup);
    yield csv([responseHeader(columns)]);
    const days = daysOfResponses(reader, query.form, units, range.from, range.to);
    const nextDay = async () => {
      const day = await days.next();
      return day.done ? null : csv(responseRows(day.value, columns));
    };
    for (let text = await nextDay(); text !== null; text = await nextDay()) yield text;
    return;
  }
  yield csv(await smallFileRows(file, reader, db, query, units, range, setup, today));
}

async function smallFileRows(
  file: ExportFile,
  reader: Reader,
  db: Database,
  query: ExportQuery,
  units: string[],
  range: { from: string; to: string },
  setup: ExportSetup,
  today: string,
): Promise<Row[]> {
  if (file === 'day-log') return dayLogRows(await dayLogBetween(db, units, range.from, range.to), PROFESSIONAL_LABELS[query.labels] ?? PROFESSIONAL_LABELS.fi!, setup.unitNames);
  if (file === 'summary') return summaryRows(reader, db, query, units, range, setup, today);
  const texts = await freeTextsBetween(reader, setup.versions, units, range.from, range.to);
  return freeTextRows(shownFreeTexts(texts, await responsesPerDateAndLanguage(reader, query.form, units, range.from, range.to), setup.versions, today, secureRandom), setup);
}

/**
 * The summary: the units added up, or each unit apart (compare=units). Each unit is counted on
 * its own as well, for its age groups: those are published per unit only (UnitAgeGroups).
 */
async function summaryRows(reader: Reader, db: Database, query: ExportQuery, units: string[], range: { from: string; to: string }, setup: ExportSetup, today: string): Promise<Row[]> {
  const background = backgroundQuestion(setup.versions);
  const perUnit = new Map(units.map((unit) => [unit, new SummaryCounter(query.period, background, query.split)]));
  const together = new SummaryCounter(query.period, background, query.split);
  for await (const day of daysOfResponses(reader, query.form, units, range.from, range.to)) {
    together.addDay(day);
    for (const response of day) perUnit.get(response.unitId)!.addDay([response]);
  }
  const meals = new Map(units.map((unit) => [unit, new Map<string, number>()]));
  for (const day of await dayLogBetween(db, units, range.from, range.to)) {
    if (day.mealsServed === null) continue;
    const period = periodOf(day.date, query.period);
    const ofUnit = meals.get(day.unit)!;
    ofUnit.set(period, (ofUnit.get(period) ?? 0) + day.mealsServed);
  }
  const ages = new Map<string, Map<string, UnitAgeGroups[]>>();
  for (const unit of units) ages.set(unit, await ageGroupsToShow(db, query, unit, range, setup.versions, today, perUnit.get(unit)!));
  if (query.compare === 'units') {
    return units.flatMap((unit, i) => perUnit.get(unit)!.rows(setup, meals.get(unit)!, ages.get(unit)!, [unit]).slice(i === 0 ? 0 : 1));
  }
  const allMeals = new Map<string, number>();
  for (const ofUnit of meals.values()) for (const [period, count] of ofUnit) allMeals.set(period, (allMeals.get(period) ?? 0) + count);
  const allAges = new Map<string, UnitAgeGroups[]>();
  for (const unit of units) for (const [month, published] of ages.get(unit)!) allAges.set(month, [...(allAges.get(month) ?? []), ...published]);
  return together.rows(setup, allMeals, allAges, units);
}

/**
 * A unit's age-group counts that a summary by month (not split) shows: of the months in its range
 * that ended long enough ago (monthsWithAgeGroups), those stored the first time a summary showed
 * them. A month shown for the first time is stored now from the unit's own counts in this
 * summary (its range covers whole months), by the main connection beside the file's read-only
 * one, so every later summary shows the same figures whatever arrives after. A month with no
 * responses stores nothing.
 */
async function ageGroupsToShow(
  db: Database,
  query: ExportQuery,
  unit: string,
  range: { from: string; to: string },
  versions: FormDefinition[],
  today: string,
  counted: SummaryCounter,
): Promise<Map<string, UnitAgeGroups[]>> {
  const question = backgroundQuestion(versions);
  if (question === null || query.period !== 'month' || query.split !== 'none') return new Map();
  const months = monthsWithAgeGroups(range.from, range.to, today);
  const stored = await publishedAgeGroups(db, query.form, unit, question, months);
  const unstored = new Set(months.filter((month) => !stored.has(month)));
  if (unstored.size > 0) await storeAgeGroups(db, query.form, unit, new Map([...counted.ageGroupCounts(versions)].filter(([month]) => unstored.has(month))));
  // Read back: counts another server stored first are the ones published.
  const published = unstored.size > 0 ? await publishedAgeGroups(db, query.form, unit, question, months) : stored;
  return new Map([...published].map(([month, counts]) => [month, [{ unit, counts }]]));
}

/** A random number from the operating system's generator: the shuffled order must not be guessable. */
export const secureRandom = () => randomInt(2 ** 32) / 2 ** 32;
