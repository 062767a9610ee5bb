import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEntries } from '../db/audit-log';
import { makeResponse, SAME_ORIGIN, startSignedInServer, syncFromKiosk, type TestServer } from '../test-support';

let server: TestServer;
let cookie: string;
const get = (url: string) => server.app.inject({ method: 'GET', url, headers: { cookie } });
const send = (method: 'POST' | 'PUT', url: string, payload?: object) =>
  server.app.inject({ method, url, headers: { ...SAME_ORIGIN, cookie }, ...(payload ? { payload } : {}) });
/** A file's rows without its first column, which names the one unit every row here is of (checked). */
const table = (body: string, delimiter = ';') => {
  const rows = parse(body, { delimiter, bom: true }) as string[][];
  expect(rows[0]![0]).toBe('unit');
  expect(rows.slice(1).every((row) => row[0] === 'Päiväkeskus')).toBe(true);
  return rows.map((row) => row.slice(1));
};

beforeEach(async () => {
  ({ server, cookie } = await startSignedInServer());
  // Version 1 answered in the week of 23 November: two good days, one bad.
  await syncFromKiosk(server, [
    makeResponse({ date: '2026-11-23', answers: { day: '4' } }),
    makeResponse({ date: '2026-11-23', answers: { day: '4', needs: ['food'] } }),
    makeResponse({ date: '2026-11-24', answers: { day: '2' } }),
  ]);
  // A coordinator rewords the face question in Finnish and English and publishes version 2.
  const draft = '/api/coordinator/forms/todays-feedback/draft';
  const { definition, updatedAt } = (await send('POST', draft)).json();
  const faces = definition.questions.find((q: { id: string }) => q.id === 'day');
  faces.title.fi = 'Miten voit tänään?';
  faces.title.en = 'How are you today?';
  expect((await send('PUT', draft, { definition, basedOn: updatedAt })).statusCode).toBe(200);
  expect((await send('POST', `${draft}/publish`)).json()).toEqual({ version: 2, units: ['paivakeskus'] });
  // At once: a just-published version is known to the kiosk API without waiting.
  await syncFromKiosk(server, [makeResponse({ date: '2026-11-26', formVersion: 2, answers: { day: '5' } })]);
});
afterEach(() => server.close());

describe('responses keep the version they answered', () => {
  it('the dashboard counts each version or all, and says where the wording changed between the versions in the range', async () => {
    const all = (await get('/api/coordinator/dashboard?form=todays-feedback&from=2026-11-23&to=2026-11-29')).json();
    expect(all.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(all.dashboard).toMatchObject({ responses: 4, answeredVersions: [1, 2] });
    expect(all.dashboard.wordingChanges).toEqual([
      expect.objectContaining({
        version: 2,
        previous: 1,
        questions: [expect.objectContaining({ question: 'day', title: ['fi', 'en'], optionsAdded: [], relabelled: [] })],
      }),
    ]);

    const faces = (dashboard: { questions: { question: string; options: { option: string; count: number }[] }[] }) =>
      dashboard.questions.find((q) => q.question === 'day')!.options.map((o) => o.count);
    const one = (await get('/api/coordinator/dashboard?form=todays-feedback&from=2026-11-23&to=2026-11-29&version=1')).json().dashboard;
    expect(one).toMatchObject({ responses: 3, answeredVersions: [1], wordingChanges: [] });
    expect(faces(one)).toEqual([0, 1, 0, 2, 0]);
    expect(one.days.slice(0, 4).map((d: { responses: number }) => d.responses)).toEqual([2, 1, 0, 0]);
    const two = (await get('/api/coordinator/dashboard?form=todays-feedback&from=2026-11-23&to=2026-11-29&version=2')).json().dashboard;
    expect(two).toMatchObject({ responses: 1, answeredVersions: [2], wordingChanges: [] });
    expect(faces(two)).toEqual([0, 0, 0, 0, 1]);

    // A range with version 2's responses only has nothing to warn about.
    const later = (await get('/api/coordinator/dashboard?form=todays-feedback&from=2026-11-25&to=2026-11-29')).json().dashboard;
    expect(later).toMatchObject({ answeredVersions: [2], wordingChanges: [] });
  });

  it('the dashboard refuses a version the form does not have, or one that is not a number', async () => {
    const missing = await get('/api/coordinator/dashboard?form=todays-feedback&from=2026-11-23&to=2026-11-29&version=3');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toBe('Form todays-feedback has no version 3.');
    for (const version of ['0', 'two', '1.5']) {
      expect((await get(`/api/coordinator/dashboard?form=todays-feedback&from=2026-11-23&to=2026-11-29&version=${version}`)).statusCode, version).toBe(400);
    }
  });

  it('the summary names the versions at which a question was reworded; split by version, each version has its own rows and wording', async () => {
    const together = await get('/api/coordinator/exports/summary.csv?form=todays-feedback&from=2026-11-23&to=2026-11-29&period=week&labels=fi');
    const [header, ...rows] = table(together.body);
    expect(header!.at(-1)).toBe('wording_changed_in_version');
    const faceRows = rows.filter((r) => r[1] === 'day');
    expect(faceRows.every((r) => r.at(-1) === '2')).toBe(true);
    expect(rows.filter((r) => r[1] !== 'day').every((r) => r.at(-1) === '')).toBe(true);
    expect(faceRows.find((r) => r[3] === '4')!.slice(2, 8)).toEqual(['Miten voit tänään?', '4', 'Hyvä', '2', '0,500', '4']);

    const split = await get('/api/coordinator/exports/summary.csv?form=todays-feedback&from=2026-11-23&to=2026-11-29&period=week&labels=fi&split=version');
    expect(split.headers['content-disposition']).toBe('attachment; filename="summary-by-version-todays-feedback-2026-11-23-2026-11-29.csv"');
    const [splitHeader, ...splitRows] = table(split.body);
    expect(splitHeader!.slice(0, 3)).toEqual(['period', 'version', 'question_id']);
    const row = (version: string, answer: string) => splitRows.find((r) => r[1] === version && r[2] === 'day' && r[4] === answer)!;
    expect(row('1', '4')).toEqual(['2026-W48', '1', 'day', 'Millainen päivä päiväkeskuksessa oli tänään?', '4', 'Hyvä', '2', '0,667', '3', '', '2']);
    expect(row('2', '5')).toEqual(['2026-W48', '2', 'day', 'Miten voit tänään?', '5', 'Tosi hyvä', '1', '1,000', '1', '', '2']);
    // The age group is only in the summary by month, never split by version.
    expect(splitRows.some((r) => r[2] === 'age-group')).toBe(false);
    expect((await auditEntries(server.db, 'all'))[0]).toMatchObject({ action: 'download', detail: 'summary.csv todays-feedback 2026-11-23..2026-11-29 by week and version' });
  });

  it('the responses file keeps each response\u2019s form version', async () => {
    const [header, ...rows] = table((await get('/api/coordinator/exports/responses.csv?form=todays-feedback&from=2026-11-23&to=2026-11-29')).body);
    const version = header!.indexOf('form_version');
    expect(rows.map((r) => r[version]).sort()).toEqual(['1', '1', '1', '2']);
  });
});
