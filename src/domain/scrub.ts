import { checkCharacterFor, hasValidBirthDateAndNumber } from './identity-code';

/**
 * What replaces a removed detail. Fixed tokens, so that the coordinator's views can show them
 * in any language and a count of removals is possible without keeping what was removed.
 */
export const SCRUB_MARKERS = {
  email: '[EMAIL REMOVED]',
  bankAccount: '[BANK ACCOUNT REMOVED]',
  identityCode: '[ID CODE REMOVED]',
  phone: '[PHONE REMOVED]',
} as const;

// "name@example.fi", and the "name(at)example.fi" way of writing it that Finnish sites use.
const EMAIL = /[\p{L}\p{N}._%+-]+\s?(?:@|\(at\)|\[at\])\s?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/giu;

// Two letters, two check digits, then groups of four letters or digits and a shorter last group.
const IBAN = /(?<![\p{L}\p{N}])[a-z]{2}\d{2}(?: ?[a-z0-9]{4}){2,7}(?: ?[a-z0-9]{1,3})?(?![\p{L}\p{N}])/giu;

// DDMMYY, century sign, individual number, check character; a stray space or an en dash and a
// word glued in front ("hetu131052-308T") still count.
const IDENTITY_CODE = /(?<!\d)(\d{2})(\d{2})(\d{2}) ?([-–+a-fu-y]) ?(\d{3})([0-9a-y])?(?![\p{L}\p{N}])/giu;

// Dates and clock times ("5.12.2023", "10.30", "8:15") are set aside before looking for
// phone numbers, so that "Tulin 05.12.2023 10.30" is not taken for one.
const DATE_OR_TIME = /(?<!\d)(?:\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})?|\d{1,2}[.:]\d{2})(?!\d)/g;
const SET_ASIDE = /\uE000(\d+)\uE001/g;

// A run of digit groups joined by up to two spaces, hyphens, en dashes, dots, slashes or a line
// break, with optional brackets: "+358 (0)40 123 4567", "040/123 4567", "040 – 123 4567".
const DIGIT_RUN = /\+?\(?\d+\)?(?:(?:[ \t.\-–/]{1,3}|[ \t]*\r?\n[ \t]*)?\(?\d+\)?)*/g;

function isIban(candidate: string): boolean {
  const compact = candidate.replace(/ /g, '').toUpperCase();
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  const digits = rearranged.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder === 1;
}

/**
 * A code with a check character is removed when the check character is right, as the law's
 * format defines it, so that other numbers of the same shape survive. Without a check character
 * the birth date and individual number alone still point to a person: removed if the date exists.
 */
function scrubIdentityCode(match: string, day: string, month: string, year: string, sign: string, individual: string, check?: string): string {
  const parts = { day, month, year, sign, individual };
  if (!hasValidBirthDateAndNumber(parts)) return match;
  if (check !== undefined && checkCharacterFor(parts) !== check.toUpperCase()) return match;
  return SCRUB_MARKERS.identityCode;
}

const digitCount = (text: string) => text.replace(/\D/g, '').length;

/**
 * Where a phone number starts inside a run of digit groups, or -1. A number starts at "+",
 * at "00" and a country code, at Finland's 358 without the plus, or at a trunk prefix "0" and a
 * non-zero digit, and has at least seven digits from there on (nine if dots or slashes join
 * the groups, as in dates; ten after a bare 358). Ordinary numbers ("1 500 €", "2019-2023",
 * postal code "00100") do not start that way or are too short.
 */
function phoneStart(run: string): number {
  const dotted = /[./]/.test(run);
  const groups = /\+?\(?\d+/g;
  for (let group = groups.exec(run); group; group = groups.exec(run)) {
    const text = group[0].replace('(', '');
    const rest = digitCount(run.slice(group.index));
    if (text.startsWith('+') || /^00[1-9]/.test(text) || /^0[1-9]/.test(text)) {
      if (rest >= (dotted ? 9 : 7)) return group.index;
    } else if (text.startsWith('358') && rest >= 10) {
      return group.index;
    }
  }
  return -1;
}

function scrubPhones(text: string): string {
  const setAside: string[] = [];
  const protectedText = text.replace(DATE_OR_TIME, (token) => `\uE000${setAside.push(token) - 1}\uE001`);
  return protectedText
    .replace(DIGIT_RUN, (run) => {
      const start = phoneStart(run);
      return start < 0 ? run : run.slice(0, start) + SCRUB_MARKERS.phone;
    })
    .replace(SET_ASIDE, (_token, index: string) => setAside[Number(index)]!);
}

/**
 * Removes details that point to a person from a visitor's free text, on the device, before
 * it is stored: e-mail addresses, bank account numbers (IBAN), Finnish personal identity
 * codes and phone numbers.
 */
export function scrubFreeText(text: string): string {
  return scrubPhones(
    text
      .replace(EMAIL, SCRUB_MARKERS.email)
      .replace(IBAN, (candidate) => (isIban(candidate) ? SCRUB_MARKERS.bankAccount : candidate))
      .replace(IDENTITY_CODE, scrubIdentityCode),
  );
}

const ANY_MARKER = new RegExp(Object.values(SCRUB_MARKERS).map((m) => m.replace(/[[\]]/g, '\\$&')).join('|'), 'g');

/**
 * Length of a scrubbed text as the visitor wrote it, a marker counting as one character: a
 * marker is longer than a short number, and that must not push an answer over its limit.
 */
export function scrubbedLength(text: string): number {
  return text.replace(ANY_MARKER, '#').length;
}
