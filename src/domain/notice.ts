import * as z from 'zod/mini';
import { identifier, languageCode } from './form-schema';

/**
 * A notice on the kiosk's start screen: "you said, we did". Visitors keep answering when they see
 * that answers lead somewhere. It is shown from its first day to its last, on the kiosks of the
 * units it is published to, and it is never tied to any answer: a response holds nothing of the
 * notices shown beside the form.
 */

/** Short enough to read on the start screen in one look: about three lines of kiosk text. */
export const MAX_NOTICE_LENGTH = 200;
/** A notice is news: at most a year on the screen. */
export const MAX_NOTICE_DAYS = 366;

const calendarDate = z.iso.date('must be a real date, as YYYY-MM-DD');

/** The notice's wording, one entry per language of the forms it is shown beside. */
export const noticeTexts = z.record(
  languageCode,
  z.string().check(
    z.trim(),
    z.minLength(1, 'must not be empty'),
    z.maxLength(MAX_NOTICE_LENGTH, `must be at most ${MAX_NOTICE_LENGTH} characters: a notice is read in one look`),
  ),
);
export type NoticeTexts = z.output<typeof noticeTexts>;

const DAY_MS = 86_400_000;

/** Days from the first date to the second, both included (UTC arithmetic on calendar dates). */
export function daysBetween(first: string, last: string): number {
  return Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / DAY_MS) + 1;
}

const datedNotice = {
  texts: noticeTexts,
  startsOn: calendarDate,
  endsOn: calendarDate,
};

function checkDates(notice: { startsOn: string; endsOn: string }): string | null {
  if (notice.endsOn < notice.startsOn) return 'the last day must not be before the first day';
  if (daysBetween(notice.startsOn, notice.endsOn) > MAX_NOTICE_DAYS) return `a notice is shown for at most ${MAX_NOTICE_DAYS} days`;
  return null;
}

const datesInOrder = z.refine<{ startsOn: string; endsOn: string; texts: NoticeTexts }>((notice) => checkDates(notice) === null, {
  message: 'the last day must not be before the first day, and a notice is shown for at most a year',
  path: ['endsOn'],
});

const someText = z.refine<{ texts: NoticeTexts }>((notice) => Object.keys(notice.texts).length > 0, {
  message: 'write the notice in at least one language',
  path: ['texts'],
});

/** A notice as a coordinator writes it: its wording, its days and the units whose kiosks show it. */
export const noticeInput = z.strictObject({ ...datedNotice, units: z.array(identifier).check(z.minLength(1, 'choose at least one unit'), z.maxLength(200)) }).check(datesInOrder, someText);
export type NoticeInput = z.output<typeof noticeInput>;

/** A change to a draft notice, over the draft as the editor read it (its `updatedAt`). */
export const noticeSave = z.strictObject({ notice: noticeInput, basedOn: z.string().check(z.minLength(1), z.maxLength(40)) });

/** A notice as a kiosk gets it beside its form: nothing of who wrote it or where else it shows. */
export const kioskNotice = z.strictObject({ id: z.uuidv4(), ...datedNotice }).check(datesInOrder, someText);
export type KioskNotice = z.output<typeof kioskNotice>;

/** What to tell a coordinator about the days, or null when they are fine (for the editor). */
export function noticeDateProblem(notice: { startsOn: string; endsOn: string }): string | null {
  return checkDates(notice);
}

/** The languages a notice lacks of those its kiosks show: it may not be published until none. */
export function missingNoticeLanguages(texts: NoticeTexts, languages: readonly string[]): string[] {
  return languages.filter((code) => !texts[code]?.trim());
}
