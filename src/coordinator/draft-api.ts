import type { DraftCheck, DraftSaveRequest, FormHistory } from '../domain/draft';
import type { ReceivedComment } from '../domain/draft-comment';
import type { FormDefinition } from '../domain/form-schema';
import { ApiError, call } from './api';
import type { PreviewLinkSource, PreviewLinkSummary } from './preview-links-panel';

/** A draft as the server keeps it, with the check it passes or fails. */
export interface DraftAnswer {
  basedOnVersion: number;
  definition: FormDefinition;
  /** The ids the form's versions have used: new questions and options get others. */
  history: FormHistory;
  check: DraftCheck;
  updatedAt: string;
  updatedBy: string;
  /** The units whose kiosks get the form now. */
  units: string[];
}

const base = (form: string) => `/api/coordinator/forms/${encodeURIComponent(form)}/draft`;

export const draftApi = {
  get: (form: string) => call<DraftAnswer>('GET', base(form)),
  start: (form: string) => call<DraftAnswer>('POST', base(form)),
  /** Saves over the draft as it was at `basedOn` (its updatedAt as loaded); see draftConflict for a 409. */
  save: (form: string, definition: FormDefinition, basedOn: string) => call<DraftAnswer>('PUT', base(form), { definition, basedOn } satisfies DraftSaveRequest),
  discard: (form: string) => call<void>('DELETE', base(form)),
  /** Publishes to the units that have the form, and these besides. */
  publish: (form: string, units: string[]) => call<{ version: number; units: string[] }>('POST', `${base(form)}/publish`, { units }),
  /** A new form, a copy of `copyOf`'s published version, as a draft. */
  newForm: (id: string, copyOf: string) => call<DraftAnswer>('POST', '/api/coordinator/forms', { id, copyOf }),
  /** The draft's preview links, for the links panel. */
  previewLinks: (form: string): PreviewLinkSource => ({
    list: () => call<{ links: PreviewLinkSummary[] }>('GET', `${base(form)}/preview-links`),
    make: () => call<{ token: string; path: string }>('POST', `${base(form)}/preview-links`),
    revoke: (id: string) => call<void>('POST', `${base(form)}/preview-links/${id}/revoke`),
  }),
  comments: (form: string) => call<{ comments: ReceivedComment[] }>('GET', `${base(form)}/comments`),
  markDone: (form: string, id: string, done: boolean) => call<void>('POST', `${base(form)}/comments/${id}/done`, { done }),
};

/** The draft as another coordinator saved it, when a save failed because they saved first; null for any other failure. */
export function draftConflict(failure: unknown): DraftAnswer | null {
  if (!(failure instanceof ApiError) || failure.status !== 409) return null;
  const current = (failure.answer as { current?: DraftAnswer } | null)?.current;
  return current ?? null;
}
