import type { DraftCheck, FormHistory } from '../domain/draft';
import type { ReceivedComment } from '../domain/draft-comment';
import type { FormDefinition } from '../domain/form-schema';
import { call } from './api';

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

export interface PreviewLinkSummary {
  id: string;
  madeFor: string;
  createdAt: string;
  revokedAt: string | null;
}

const base = (form: string) => `/api/coordinator/forms/${encodeURIComponent(form)}/draft`;

export const draftApi = {
  get: (form: string) => call<DraftAnswer>('GET', base(form)),
  start: (form: string) => call<DraftAnswer>('POST', base(form)),
  save: (form: string, definition: FormDefinition) => call<DraftAnswer>('PUT', base(form), { definition }),
  discard: (form: string) => call<void>('DELETE', base(form)),
  /** Publishes to the units that have the form, and these besides. */
  publish: (form: string, units: string[]) => call<{ version: number; units: string[] }>('POST', `${base(form)}/publish`, { units }),
  /** A new form, a copy of `copyOf`'s published version, as a draft. */
  newForm: (id: string, copyOf: string) => call<DraftAnswer>('POST', '/api/coordinator/forms', { id, copyOf }),
  previewLinks: (form: string) => call<{ links: PreviewLinkSummary[] }>('GET', `${base(form)}/preview-links`),
  makePreviewLink: (form: string) => call<{ token: string; path: string }>('POST', `${base(form)}/preview-links`),
  revokePreviewLink: (form: string, id: string) => call<void>('POST', `${base(form)}/preview-links/${id}/revoke`),
  comments: (form: string) => call<{ comments: ReceivedComment[] }>('GET', `${base(form)}/comments`),
  markDone: (form: string, id: string, done: boolean) => call<void>('POST', `${base(form)}/comments/${id}/done`, { done }),
};
