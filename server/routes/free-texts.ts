import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { freeTextList } from '../../src/domain/coordinator-api';
import { dashboardQuery } from '../../src/domain/dashboard-query';
import { FREE_TEXT_PERIOD, shownFreeTexts, weeksShown } from '../../src/domain/exports';
import { identifier } from '../../src/domain/form-schema';
import { localDay } from '../../src/domain/local-day';
import { datesBetween, isoWeek, wholePeriods } from '../../src/domain/periods';
import { errorAnswer } from '../../src/domain/sync-protocol';
import { audit } from '../db/audit-log';
import type { Database } from '../db/database';
import { openReader, responsesPerDateAndLanguage } from '../db/export-reader';
import { formVersions } from '../db/forms';
import { freeTextsBetween, redactFreeText } from '../db/free-texts';
import { sameOriginOnly } from './coordinator-auth';
import { unitsAskedFor } from '../access';
import { secureRandom } from './exports';
import { COMPRESSED } from '../compression';

/**
 * Free texts for the dashboard, as in the download (shownFreeTexts): only from whole ISO weeks
 * that have ended, with 5 or more responses over every language and version and 5 or more that
 * could have written the text (the dashboard's language and version choices do not narrow it: a
 * smaller group would tie a text to fewer people), shuffled; and redaction. The list says which weeks it covers, and is the
 * only source of any figure about free texts.
 */
export function freeTextRoutes(app: FastifyInstance, db: Database, clock: () => Date) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/coordinator/free-texts',
    {
      config: { access: 'free-texts' },
      compress: COMPRESSED,
      schema: {
        hide: true,
        querystring: dashboardQuery,
        response: { 200: freeTextList, 400: errorAnswer, 401: errorAnswer, 403: errorAnswer, 404: errorAnswer },
      },
    },
    async (request, reply) => {
      // Language and version, if given, are left unused on purpose (see above).
      const { form, from, to } = request.query;
      const units = unitsAskedFor(request.access!, request.query.units);
      const versions = await formVersions(db, form);
      if (versions.length === 0) return reply.code(404).send({ error: `There is no form ${form}.` });
      const range = wholePeriods(from, to, FREE_TEXT_PERIOD);
      const today = localDay(clock()).date;
      // A snapshot of its own: the texts and the counts they are shown by are from one moment.
      const reader = await openReader(db);
      const { responses, texts } = await (async () => ({
        responses: await responsesPerDateAndLanguage(reader, form, units, range.from, range.to),
        texts: await freeTextsBetween(reader, versions, units, range.from, range.to),
      }))().finally(() => reader.close());
      const shown = shownFreeTexts(texts, responses, versions, today, secureRandom);
      return {
        texts: shown.map(({ id, unit, question, text }) => ({ id, unit, question, text })),
        covers: { from: isoWeek(range.from), to: isoWeek(range.to), weeks: datesBetween(range.from, range.to).length / 7, weeksShown: weeksShown(responses, today).size },
      };
    },
  );

  api.post(
    '/api/coordinator/free-texts/redact',
    {
      onRequest: sameOriginOnly,
      config: { access: 'free-texts' },
      schema: {
        hide: true,
        body: z.strictObject({ form: identifier, id: z.uuidv4(), question: identifier }),
        response: { 204: z.null(), 400: errorAnswer, 401: errorAnswer, 403: errorAnswer, 404: errorAnswer },
      },
    },
    async (request, reply) => {
      const { form, id, question } = request.body;
      const versions = await formVersions(db, form);
      // A text of another unit is answered as one that does not exist.
      const unit = versions.length === 0 ? null : await redactFreeText(db, versions, request.access!.units, id, question);
      if (unit === null) return reply.code(404).send({ error: 'There is no such text; it may have been removed already.' });
      // Which question, never the text: the audit log holds no visitor data.
      await audit(db, request.coordinator!.username, 'redaction', `${form} ${question}`, new Date(), [unit]);
      return reply.code(204).send(null);
    },
  );
}
