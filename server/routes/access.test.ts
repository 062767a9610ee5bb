import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultForm } from '../../src/domain/default-form';
import { parseFormDefinition } from '../../src/domain/form-schema';
import type { Role } from '../../src/domain/units';
import { hashSecret } from '../credentials';
import { audit } from '../db/audit-log';
import { saveDayLog } from '../db/day-log';
import { addComments } from '../db/draft-comments';
import { addPreviewLink, draftOf, publishDraft, startDraft, startNewForm } from '../db/drafts';
import { addUnit } from '../db/units';
import { addNotice } from '../db/notices';
import { setOpeningHours } from '../db/opening-hours';
import { DEFAULT_WEEK } from '../../src/domain/opening-hours';
import { CAPABILITIES } from '../access';
import { coordinatorRoutesOf } from './coordinator-auth';
import {
  addTestCoordinator,
  enrollKiosk,
  makeResponse,
  queryRows,
  queryValue,
  SAME_ORIGIN,
  signIn,
  startTestServer,
  syncFromKiosk,
  TEST_UNIT,
  type TestServer,
} from '../test-support';

/**
 * Every coordinator route, tried as a unit coordinator and as a viewer of unit A against unit B,
 * which neither has: B's id in the path, B in a query's units, B inside a download's parameters
 * and in a body. None may answer with B's data, and each answers 403 or 404. A route that is not
 * in the table below fails the test, so a new route cannot go untried.
 */
const A = TEST_UNIT;
let B = '';
const B_FORM = 'toisen-lomake';
const RANGE = 'from=2026-11-01&to=2026-11-30';
// What of unit B must never be in an answer to someone without it.
const B_MARKERS = ['Toinen keskus', 'B-salaisuus', 'B-kioski', 'B-päiväkirja', 'B-kommentti', 'B-loki', '777', 'B-ilmoitus', 'B-ilmoituskommentti', '07:45'];

const NOTICE = { texts: { fi: 'Hoitaja on nyt paikalla joka tiistai.' }, startsOn: '2026-12-01', endsOn: '2026-12-31' };

let server: TestServer;
let bKiosk = '';
let bResponse = '';
let bComment = '';
let bLink = '';
let bDraftAt = '';
let bNotice = '';
let bNoticeAt = '';
let bNoticeLink = '';
let bNoticeComment = '';
let aNotice = '';
let aNoticeAt = '';

interface Attempt {
  url: string;
  payload?: unknown;
  /** Routes about no unit (one's own session, the lists to choose from) answer, but with nothing of B. */
  answers?: boolean;
}

/** The requests that aim at unit B, per route. */
function attempts(): Record<string, Attempt[]> {
  const exports = (file: string) => [
    { url: `/api/coordinator/exports/${file}.csv?form=todays-feedback&${RANGE}&units=${B}` },
    { url: `/api/coordinator/exports/${file}.csv?form=todays-feedback&${RANGE}&units=${A},${B}&compare=units` },
  ];
  const draft = `/api/coordinator/forms/${B_FORM}/draft`;
  return {
    'GET /api/coordinator/session': [{ url: '/api/coordinator/session', answers: true }],
    'PUT /api/coordinator/password': [{ url: '/api/coordinator/password', payload: { currentPassword: 'wrong', newPassword: 'x' } }],
    'GET /api/coordinator/units': [{ url: '/api/coordinator/units', answers: true }],
    'GET /api/coordinator/forms': [{ url: '/api/coordinator/forms', answers: true }],
    'GET /api/coordinator/dashboard': [
      { url: `/api/coordinator/dashboard?form=todays-feedback&${RANGE}&units=${B}` },
      { url: `/api/coordinator/dashboard?form=todays-feedback&${RANGE}&units=${A},${B}&compare=units` },
    ],
    'GET /api/coordinator/report': [
      { url: `/api/coordinator/report?form=todays-feedback&${RANGE}&units=${B}` },
      { url: `/api/coordinator/report?form=todays-feedback&units=${A},${B}&compare=units` },
    ],
    'GET /api/coordinator/report.csv': [
      { url: `/api/coordinator/report.csv?form=todays-feedback&${RANGE}&units=${B}` },
      { url: `/api/coordinator/report.csv?form=todays-feedback&units=${A},${B}&compare=units` },
    ],
    'GET /api/coordinator/free-texts': [{ url: `/api/coordinator/free-texts?form=todays-feedback&${RANGE}&units=${B}` }],
    'POST /api/coordinator/free-texts/redact': [{ url: '/api/coordinator/free-texts/redact', payload: { form: 'todays-feedback', id: bResponse, question: 'anything-else' } }],
    'GET /api/coordinator/exports/summary.csv': exports('summary'),
    'GET /api/coordinator/exports/responses.csv': exports('responses'),
    'GET /api/coordinator/exports/day-log.csv': exports('day-log'),
    'GET /api/coordinator/exports/free-texts.csv': exports('free-texts'),
    'GET /api/coordinator/day-log': [{ url: `/api/coordinator/day-log?${RANGE}&units=${B}` }],
    'PUT /api/coordinator/day-log/:unit/:date': [
      { url: `/api/coordinator/day-log/${B}/2026-11-03`, payload: { date: '2026-11-03', mealsServed: 1, professionals: [], note: 'overwritten' } },
    ],
    'GET /api/coordinator/kiosks': [{ url: `/api/coordinator/kiosks?units=${B}` }],
    'POST /api/coordinator/kiosks/pairing-codes': [{ url: '/api/coordinator/kiosks/pairing-codes', payload: { name: 'Intruder', unit: B } }],
    'POST /api/coordinator/kiosks/:id/revoke': [{ url: `/api/coordinator/kiosks/${bKiosk}/revoke` }],
    'GET /api/coordinator/warnings': [{ url: '/api/coordinator/warnings', answers: true }],
    'GET /api/coordinator/audit-log': [{ url: '/api/coordinator/audit-log', answers: true }],
    'POST /api/coordinator/forms': [{ url: '/api/coordinator/forms', payload: { id: 'kopio', copyOf: B_FORM } }],
    'GET /api/coordinator/forms/:form/draft': [{ url: draft }],
    'POST /api/coordinator/forms/:form/draft': [{ url: draft }],
    'PUT /api/coordinator/forms/:form/draft': [{ url: draft, payload: { definition: { ...defaultForm, id: B_FORM }, basedOn: bDraftAt } }],
    'DELETE /api/coordinator/forms/:form/draft': [{ url: draft }],
    'POST /api/coordinator/forms/:form/draft/publish': [
      { url: `${draft}/publish` },
      // A's own form, published into B.
      { url: `/api/coordinator/forms/todays-feedback/draft/publish`, payload: { units: [B] } },
    ],
    'GET /api/coordinator/forms/:form/draft/preview-links': [{ url: `${draft}/preview-links` }],
    'POST /api/coordinator/forms/:form/draft/preview-links': [{ url: `${draft}/preview-links` }],
    'POST /api/coordinator/forms/:form/draft/preview-links/:id/revoke': [{ url: `${draft}/preview-links/${bLink}/revoke` }],
    'GET /api/coordinator/forms/:form/draft/comments': [{ url: `${draft}/comments` }],
    'POST /api/coordinator/forms/:form/draft/comments/:id/done': [{ url: `${draft}/comments/${bComment}/done`, payload: { done: true } }],
    'GET /api/coordinator/notices': [{ url: '/api/coordinator/notices', answers: true }],
    'GET /api/coordinator/notices/languages': [{ url: `/api/coordinator/notices/languages?units=${B}` }],
    'POST /api/coordinator/notices': [{ url: '/api/coordinator/notices', payload: { ...NOTICE, units: [B] } }],
    'PUT /api/coordinator/notices/:id': [
      { url: `/api/coordinator/notices/${bNotice}`, payload: { notice: { ...NOTICE, units: [A] }, basedOn: bNoticeAt } },
      // A's own notice moved into B: refused for B.
      { url: `/api/coordinator/notices/${aNotice}`, payload: { notice: { ...NOTICE, units: [A, B] }, basedOn: aNoticeAt } },
    ],
    'POST /api/coordinator/notices/:id/publish': [{ url: `/api/coordinator/notices/${bNotice}/publish`, payload: { updatedAt: bNoticeAt } }],
    'DELETE /api/coordinator/notices/:id': [{ url: `/api/coordinator/notices/${bNotice}` }],
    'POST /api/coordinator/notices/:id/preview-links': [{ url: `/api/coordinator/notices/${bNotice}/preview-links` }],
    'GET /api/coordinator/notices/:id/preview-links': [{ url: `/api/coordinator/notices/${bNotice}/preview-links` }],
    'POST /api/coordinator/notices/:id/preview-links/:link/revoke': [{ url: `/api/coordinator/notices/${bNotice}/preview-links/${bNoticeLink}/revoke` }],
    'GET /api/coordinator/notices/:id/comments': [{ url: `/api/coordinator/notices/${bNotice}/comments` }],
    'POST /api/coordinator/notices/:id/comments/:comment/done': [{ url: `/api/coordinator/notices/${bNotice}/comments/${bNoticeComment}/done`, payload: { done: true } }],
    'GET /api/coordinator/opening-hours': [{ url: `/api/coordinator/opening-hours?units=${B}` }],
    'PUT /api/coordinator/opening-hours/units/:unit': [{ url: `/api/coordinator/opening-hours/units/${B}`, payload: { hours: null } }],
    'PUT /api/coordinator/opening-hours/kiosks/:kiosk': [{ url: `/api/coordinator/opening-hours/kiosks/${bKiosk}`, payload: { hours: null } }],
    'GET /api/coordinator/admin/units': [{ url: '/api/coordinator/admin/units' }],
    'POST /api/coordinator/admin/units': [{ url: '/api/coordinator/admin/units', payload: { names: { fi: 'Kolmas' } } }],
    'PUT /api/coordinator/admin/units/:unit': [{ url: `/api/coordinator/admin/units/${B}`, payload: { names: { fi: 'Renamed' } } }],
    'GET /api/coordinator/admin/coordinators': [{ url: '/api/coordinator/admin/coordinators' }],
    'POST /api/coordinator/admin/coordinators': [
      { url: '/api/coordinator/admin/coordinators', payload: { username: 'mallory', role: 'admin', units: [], password: 'kahvia ja pullaa aamulla' } },
    ],
    'PUT /api/coordinator/admin/coordinators/:username': [{ url: '/api/coordinator/admin/coordinators/aino', payload: { role: 'viewer', units: [A] } }],
    // Last: it ends the session the others use.
    'DELETE /api/coordinator/session': [{ url: '/api/coordinator/session', answers: true }],
  };
}

/** Everything of unit B that a refused change would have changed. */
async function stateOfB() {
  return {
    kiosk: await queryRows(server.db, 'SELECT revoked_at FROM kiosks WHERE id = ?', bKiosk),
    dayLog: await queryRows(server.db, 'SELECT meals_served, note FROM day_log WHERE unit_id = ?', B),
    pairingCodes: await queryValue(server.db, 'SELECT count(*) FROM pairing_codes WHERE unit_id = ?', B),
    response: await queryRows(server.db, 'SELECT answers FROM responses WHERE id = ?', bResponse),
    forms: await queryRows(server.db, 'SELECT unit_id, form_id FROM unit_forms ORDER BY unit_id'),
    versions: await queryValue(server.db, 'SELECT count(*) FROM form_versions WHERE form_id = ?', B_FORM),
    draft: (await draftOf(server.db, B_FORM))?.updatedAt,
    links: await queryRows(server.db, 'SELECT revoked_at FROM preview_links WHERE form_id = ?', B_FORM),
    comments: await queryRows(server.db, 'SELECT done_at FROM draft_comments WHERE form_id = ?', B_FORM),
    units: await queryRows(server.db, 'SELECT id, names FROM units ORDER BY id'),
    coordinators: await queryRows(server.db, 'SELECT username, role FROM coordinators ORDER BY username'),
    notices: await queryRows(server.db, 'SELECT id, texts, published_at, updated_at FROM notices ORDER BY id'),
    noticeUnits: await queryRows(server.db, 'SELECT notice_id, unit_id FROM notice_units ORDER BY notice_id, unit_id'),
    noticeLinks: await queryRows(server.db, 'SELECT token_hash, revoked_at FROM preview_links WHERE notice_id IS NOT NULL ORDER BY token_hash'),
    noticeComments: await queryRows(server.db, "SELECT id, done_at FROM draft_comments WHERE target LIKE 'notice:%' ORDER BY id"),
    hours: await queryRows(server.db, 'SELECT unit_id, hours FROM unit_opening_hours ORDER BY unit_id'),
    kioskHours: await queryRows(server.db, 'SELECT kiosk_id, hours FROM kiosk_opening_hours ORDER BY kiosk_id'),
  };
}

beforeAll(async () => {
  server = await startTestServer({ clock: () => new Date('2026-12-20T12:00:00Z') });
  const now = new Date('2026-12-01T10:00:00Z');
  B = (await addUnit(server.db, { fi: 'Toinen keskus' }, now)).id;
  await addTestCoordinator(server, 'aino');
  await addTestCoordinator(server, 'kaisa', { role: 'coordinator', units: [A] });
  await addTestCoordinator(server, 'veikko', { role: 'viewer', units: [A] });
  // Unit A's own data, so that its answers are not empty.
  await syncFromKiosk(server, Array.from({ length: 6 }, () => makeResponse({ date: '2026-11-04', answers: { day: '4', 'anything-else': 'A:n teksti' } })));
  // Unit B: a kiosk, responses with a free text, a day log, a form of its own with a draft, a link, a comment, an audit entry.
  bKiosk = (await enrollKiosk(server, 'B-kioski', B)).kioskId;
  const bResponses = Array.from({ length: 6 }, () => makeResponse({ date: '2026-11-03', answers: { day: '2', 'anything-else': 'B-salaisuus' } }));
  bResponse = bResponses[0]!.id;
  await syncFromKiosk(server, bResponses, {}, B);
  await saveDayLog(server.db, B, { date: '2026-11-03', mealsServed: 777, professionals: ['health-station'], note: 'B-päiväkirja' }, 'aino', now);
  await startNewForm(server.db, B_FORM, defaultForm.id, 'aino', now);
  const first = (await draftOf(server.db, B_FORM))!;
  await publishDraft(server.db, B_FORM, parseFormDefinition(first.definition), now, first.updatedAt, [B]);
  bDraftAt = (await startDraft(server.db, B_FORM, 'aino', now))!.updatedAt;
  bLink = hashSecret('b-preview-token');
  await addPreviewLink(server.db, B_FORM, bLink, 'aino', now);
  bComment = '5b0f4b9e-8f0a-4c8e-9d3a-2f6c1b7e9a01';
  await addComments(server.db, B_FORM, [{ id: bComment, question: 'day', language: 'fi', text: 'B-kommentti' }], now);
  await audit(server.db, 'aino', 'day-log-saved', 'B-loki', now, [B]);
  const notice = await addNotice(server.db, { ...NOTICE, texts: { fi: 'B-ilmoitus' }, units: [B] }, 'aino', now);
  bNotice = notice.id;
  bNoticeAt = notice.updatedAt;
  bNoticeLink = hashSecret('b-notice-preview-token');
  await addPreviewLink(server.db, B_FORM, bNoticeLink, 'aino', now, bNotice);
  bNoticeComment = '6c1f5caf-9f1b-4d9f-8e4b-3a7d2c8f0b12';
  await addComments(server.db, B_FORM, [{ id: bNoticeComment, notice: bNotice, language: 'fi', text: 'B-ilmoituskommentti' }], now);
  const own = await addNotice(server.db, { ...NOTICE, units: [A] }, 'aino', now);
  aNotice = own.id;
  aNoticeAt = own.updatedAt;
  const bHours = { week: { ...DEFAULT_WEEK, mon: [{ opens: '07:45', closes: '15:00' }] }, exceptions: [] };
  await setOpeningHours(server.db, { unitId: B }, bHours, 'aino', now);
  await setOpeningHours(server.db, { kioskId: bKiosk }, bHours, 'aino', now);
});
afterAll(() => server.close());

describe('who sees what', () => {
  it('the table below tries every coordinator route there is', () => {
    const table = attempts();
    const routes = coordinatorRoutesOf(server.app).filter((route) => route.access !== 'public');
    expect(routes.length).toBeGreaterThan(30);
    const untried = routes.map((route) => `${route.method} ${route.url}`).filter((key) => !(key in table));
    expect(untried).toEqual([]);
    // And it names none that does not exist.
    expect(Object.keys(table).filter((key) => !routes.some((route) => `${route.method} ${route.url}` === key))).toEqual([]);
  });

  it.each([
    ['kaisa', 'coordinator'],
    ['veikko', 'viewer'],
  ] as [string, Role][])('%s, a unit %s of A only, gets nothing of unit B from any route, and changes nothing of it', async (username, role) => {
    const before = await stateOfB();
    const cookie = await signIn(server, username);
    const routes = coordinatorRoutesOf(server.app).filter((route) => route.access !== 'public');
    for (const [key, tries] of Object.entries(attempts())) {
      const [method] = key.split(' ') as ['GET' | 'POST' | 'PUT' | 'DELETE'];
      const route = routes.find((r) => `${r.method} ${r.url}` === key)!;
      const allowed = (CAPABILITIES[route.access as keyof typeof CAPABILITIES] as readonly Role[]).includes(role);
      for (const attempt of tries) {
        const reply = await server.app.inject({
          method,
          url: attempt.url,
          headers: { ...SAME_ORIGIN, cookie },
          ...(attempt.payload !== undefined ? { payload: attempt.payload as object } : method === 'POST' ? { payload: {} } : {}),
        });
        const what = `${username}: ${method} ${attempt.url}`;
        for (const marker of B_MARKERS) expect(reply.body, what).not.toContain(marker);
        if (!allowed) expect(reply.statusCode, what).toBe(403);
        else if (attempt.answers) expect(reply.statusCode, what).toBeLessThan(300);
        else expect([400, 403, 404], `${what}: ${reply.body}`).toContain(reply.statusCode);
        // A refused request about B is refused for B, not for a malformed body.
        if (allowed && !attempt.answers && reply.statusCode === 400) expect(key, `${what}: ${reply.body}`).toBe('PUT /api/coordinator/password');
      }
    }
    expect(await stateOfB()).toEqual(before);
  });

  it('an area administrator reaches unit B by the same requests', async () => {
    const cookie = await signIn(server, 'aino');
    const get = async (url: string) => {
      const reply = await server.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(reply.statusCode, url).toBe(200);
      return reply.body;
    };
    expect(await get(`/api/coordinator/exports/free-texts.csv?form=todays-feedback&${RANGE}&units=${B}`)).toContain('B-salaisuus');
    expect(await get(`/api/coordinator/exports/day-log.csv?form=todays-feedback&${RANGE}&units=${B}`)).toContain('B-päiväkirja');
    expect(await get(`/api/coordinator/kiosks?units=${B}`)).toContain('B-kioski');
    expect(await get('/api/coordinator/audit-log')).toContain('B-loki');
    expect(await get(`/api/coordinator/forms/${B_FORM}/draft/comments`)).toContain('B-kommentti');
    expect(await get('/api/coordinator/notices')).toContain('B-ilmoitus');
    expect(await get(`/api/coordinator/notices/${bNotice}/comments`)).toContain('B-ilmoituskommentti');
    expect(await get(`/api/coordinator/opening-hours?units=${B}`)).toContain('07:45');
  });
});
