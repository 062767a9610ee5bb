import type { ReceivedComment } from '../domain/draft-comment';
import type { NoticeInput, NoticeTexts } from '../domain/notice';
import type { OpeningHours } from '../domain/opening-hours';
import { call } from './api';
import type { PreviewLinkSource, PreviewLinkSummary } from './preview-links-panel';

/** A notice as the coordinator's area gets it. */
export interface NoticeAnswer {
  id: string;
  texts: NoticeTexts;
  startsOn: string;
  endsOn: string;
  units: string[];
  publishedAt: string | null;
  updatedAt: string;
  updatedBy: string;
  /** The languages its kiosks show: it needs a wording in each before it is published. */
  languages: string[];
}

const base = '/api/coordinator/notices';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const noticeApi = {
  list: () => call<{ notices: NoticeAnswer[] }>('GET', base),
  languages: (units: string[]) => call<{ languages: string[] }>('GET', `${base}/languages?units=${units.map(encodeURIComponent).join(',')}`),
  add: (notice: NoticeInput) => call<NoticeAnswer>('POST', base, notice),
  /** Saves over the draft as the editor read it (`basedOn`, its updatedAt); 409 when it was saved meanwhile. */
  save: (id: string, notice: NoticeInput, basedOn: string) => call<NoticeAnswer>('PUT', one(id), { notice, basedOn }),
  publish: (notice: NoticeAnswer) => call<NoticeAnswer>('POST', `${one(notice.id)}/publish`, { updatedAt: notice.updatedAt }),
  remove: (id: string) => call<void>('DELETE', one(id)),
  comments: (id: string) => call<{ comments: ReceivedComment[] }>('GET', `${one(id)}/comments`),
  markDone: (id: string, comment: string, done: boolean) => call<void>('POST', `${one(id)}/comments/${comment}/done`, { done }),
};

/** A notice's preview links, for the links panel. */
export const noticeLinks = (id: string): PreviewLinkSource => ({
  list: () => call<{ links: PreviewLinkSummary[] }>('GET', `${one(id)}/preview-links`),
  make: () => call<{ token: string; path: string }>('POST', `${one(id)}/preview-links`),
  revoke: (link: string) => call<void>('POST', `${one(id)}/preview-links/${link}/revoke`),
});

export interface HoursList {
  units: { unit: string; hours: OpeningHours | null }[];
  kiosks: { id: string; name: string; unit: string; hours: OpeningHours | null }[];
}

export const hoursApi = {
  list: () => call<HoursList>('GET', '/api/coordinator/opening-hours'),
  saveForUnit: (unit: string, hours: OpeningHours | null) => call<void>('PUT', `/api/coordinator/opening-hours/units/${encodeURIComponent(unit)}`, { hours }),
  saveForKiosk: (kiosk: string, hours: OpeningHours | null) => call<void>('PUT', `/api/coordinator/opening-hours/kiosks/${encodeURIComponent(kiosk)}`, { hours }),
};
