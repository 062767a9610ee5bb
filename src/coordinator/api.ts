import type { CoordinatorSession, AuditEntry, FreeTextList } from '../domain/coordinator-api';
import type { CoordinatorWarning } from '../domain/coordinator-warnings';
import type { Dashboard } from '../domain/dashboard';
import type { ReportAnswer } from './report-view';
import type { DashboardQuery } from '../domain/dashboard-query';
import type { DayLogEntry } from '../domain/day-log';
import type { CoordinatorAccountInput, Unit, UnitNames } from '../domain/units';
import type { FormDefinition } from '../domain/form-schema';
import type { KioskSummary } from '../domain/kiosk-admin';
import { coordinatorText } from '../i18n/coordinator-setup';

/** A form to choose, by its newest title. */
export interface FormChoice {
  id: string;
  title: Record<string, string>;
}

/** A failed call: the HTTP status and the server's message, which says what to do; `answer` is the whole answer (a 409 may carry what is there now). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly answer: unknown = null,
  ) {
    super(message);
  }
}

/** What to tell the coordinator about a failed call: the server's message, which says what to do. */
export function messageOf(failure: unknown): string {
  return failure instanceof ApiError ? failure.message : String(failure);
}

/** Called on any 401, so the area can show the sign-in again. */
let onSignedOut: () => void = () => {};
export function whenSignedOut(handler: () => void) {
  onSignedOut = handler;
}
/** Shows the sign-in again (the session has ended). */
export function signedOut() {
  onSignedOut();
}

/**
 * Follows a download link (a plain navigation) once the session is known to hold: an ended
 * session brings back the sign-in instead of saving an error message as the file. Other
 * failures are thrown for the view to show.
 */
export async function download(url: string): Promise<void> {
  try {
    await call('GET', '/api/coordinator/session');
    location.assign(url);
  } catch (failure) {
    if (failure instanceof ApiError && failure.status === 401) signedOut();
    else throw failure;
  }
}

export async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  let reply: Response;
  try {
    reply = await fetch(url, {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    // The area's own words, in the coordinator's language; the server's messages come as they are.
    throw new ApiError(0, coordinatorText('app.unreachable'));
  }
  if (reply.status === 204) return undefined as T;
  const answer: unknown = await reply.json().catch(() => null);
  if (!reply.ok) {
    const message = (answer as { error?: string } | null)?.error ?? coordinatorText('app.serverAnswered', { status: reply.status });
    if (reply.status === 401 && url !== '/api/coordinator/session') onSignedOut();
    throw new ApiError(reply.status, message, answer);
  }
  return answer as T;
}

/** A dashboard query as URL parameters; a language or version left out means all of them. */
function dashboardParams({ form, from, to, language, version, units, compare }: DashboardQuery): URLSearchParams {
  return new URLSearchParams({
    form,
    from,
    to,
    ...(language ? { language } : {}),
    ...(version ? { version: String(version) } : {}),
    ...(units && units.length > 0 ? { units: units.join(',') } : {}),
    ...(compare ? { compare } : {}),
  });
}

export const api = {
  session: () => call<CoordinatorSession>('GET', '/api/coordinator/session'),
  /** Who is signed in on this browser, null when nobody is (never a 401). */
  whoAmI: () => call<{ username: string | null }>('GET', '/api/coordinator/whoami'),
  signIn: (username: string, password: string) => call<CoordinatorSession>('POST', '/api/coordinator/session', { username, password }),
  signOut: () => call<void>('DELETE', '/api/coordinator/session'),
  changePassword: (currentPassword: string, newPassword: string) =>
    call<void>('PUT', '/api/coordinator/password', { currentPassword, newPassword }),
  /** The units the signed-in user may see. */
  units: () => call<{ units: Unit[] }>('GET', '/api/coordinator/units'),
  dayLog: (unit: string, from: string, to: string) =>
    call<{ days: DayLogEntry[] }>('GET', `/api/coordinator/day-log?${new URLSearchParams({ from, to, units: unit })}`),
  saveDay: (unit: string, entry: DayLogEntry) => call<DayLogEntry>('PUT', `/api/coordinator/day-log/${encodeURIComponent(unit)}/${entry.date}`, entry),
  forms: () => call<{ forms: FormChoice[] }>('GET', '/api/coordinator/forms'),
  dashboard: (query: DashboardQuery) =>
    call<{ dashboard: Dashboard; versions: FormDefinition[]; units: Unit[]; byUnit?: { unit: string; dashboard: Dashboard }[] }>(
      'GET',
      `/api/coordinator/dashboard?${dashboardParams(query)}`,
    ),
  /** The evaluation report (src/coordinator/report-view.tsx) for a query made as URL parameters. */
  report: (params: URLSearchParams) => call<ReportAnswer>('GET', `/api/coordinator/report?${params}`),
  // Whole weeks of every language and version, whatever the dashboard shows: only the range and units go.
  freeTexts: ({ form, from, to, units }: DashboardQuery) =>
    call<FreeTextList>('GET', `/api/coordinator/free-texts?${new URLSearchParams({ form, from, to, ...(units && units.length > 0 ? { units: units.join(',') } : {}) })}`),
  redact: (form: string, id: string, question: string) => call<void>('POST', '/api/coordinator/free-texts/redact', { form, id, question }),
  kiosks: () => call<{ kiosks: KioskSummary[] }>('GET', '/api/coordinator/kiosks'),
  pair: (name: string, unit: string) => call<{ code: string; name: string; unit: string; expiresAt: string }>('POST', '/api/coordinator/kiosks/pairing-codes', { name, unit }),
  revoke: (id: string) => call<void>('POST', `/api/coordinator/kiosks/${encodeURIComponent(id)}/revoke`),
  warnings: () => call<{ warnings: CoordinatorWarning[] }>('GET', '/api/coordinator/warnings'),
  adminUnits: () => call<{ units: Unit[] }>('GET', '/api/coordinator/admin/units'),
  addUnit: (names: UnitNames) => call<Unit>('POST', '/api/coordinator/admin/units', { names }),
  coordinators: () => call<{ coordinators: CoordinatorAccountInput[] }>('GET', '/api/coordinator/admin/coordinators'),
  addCoordinator: (account: CoordinatorAccountInput & { password: string }) => call<CoordinatorAccountInput>('POST', '/api/coordinator/admin/coordinators', account),
  setCoordinator: ({ username, role, units }: CoordinatorAccountInput) =>
    call<CoordinatorAccountInput>('PUT', `/api/coordinator/admin/coordinators/${encodeURIComponent(username)}`, { role, units }),
  auditLog: (before?: number) =>
    call<{ entries: AuditEntry[] }>('GET', `/api/coordinator/audit-log${before ? `?before=${before}` : ''}`),
};
