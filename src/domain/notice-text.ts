import type { KioskNotice, NoticeTexts } from './notice';

/**
 * Reading notices that have already been validated, without the validator (zod): the kiosk's
 * start screen shows them before anything else has loaded.
 */

/**
 * The notices to show on `today` (a Helsinki date), in a steady order: the newest first, then by
 * id. A kiosk keeps the notices it got and picks these itself, so one whose last day has passed
 * goes also without a connection.
 */
export function currentNotices<T extends Pick<KioskNotice, 'id' | 'startsOn' | 'endsOn'>>(notices: readonly T[], today: string): T[] {
  return notices
    .filter((notice) => notice.startsOn <= today && today <= notice.endsOn)
    .sort((a, b) => (a.startsOn === b.startsOn ? (a.id < b.id ? -1 : 1) : a.startsOn < b.startsOn ? 1 : -1));
}

/** The language a notice is shown in: the visitor's, else the first of the fallbacks it has, else its first. */
export function noticeLanguage(texts: NoticeTexts, language: string, fallbacks: readonly string[]): string {
  if (texts[language] !== undefined) return language;
  return fallbacks.find((code) => texts[code] !== undefined) ?? Object.keys(texts)[0] ?? language;
}

/** A notice's wording in a language, else in the first of the fallbacks that has one. */
export function noticeText(texts: NoticeTexts, language: string, fallbacks: readonly string[]): string {
  return texts[noticeLanguage(texts, language, fallbacks)] ?? '';
}
