import { IDENTITY_CODE_SHAPE, isValidIdentityCode } from './identity-code';

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

// Letters and digits of any script count as "part of a word" for the boundaries below.
const NOT_AFTER_WORD = '(?<![\\p{L}\\p{N}])';
const NOT_BEFORE_WORD = '(?![\\p{L}\\p{N}])';

// "name@example.fi", and the "name(at)example.fi" way of writing it that Finnish sites use.
const EMAIL = new RegExp(
  `[\\p{L}\\p{N}._%+-]+\\s?(?:@|\\(at\\)|\\[at\\])\\s?[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}`,
  'giu',
);

// Two letters, two check digits, then groups of four letters or digits and a shorter last group.
const IBAN = new RegExp(
  `${NOT_AFTER_WORD}[a-z]{2}\\d{2}(?: ?[a-z0-9]{4}){2,7}(?: ?[a-z0-9]{1,3})?${NOT_BEFORE_WORD}`,
  'giu',
);

const IDENTITY_CODE = new RegExp(`${NOT_AFTER_WORD}${IDENTITY_CODE_SHAPE.source}${NOT_BEFORE_WORD}`, 'giu');

// A run of digit groups joined by single spaces, hyphens, dots or brackets: "+358 (0)40 123 4567".
const DIGIT_RUN = /\+?\(?\d+\)?(?:[ .-]?\(?\d+\)?)*/g;

function isIban(candidate: string): boolean {
  const compact = candidate.replace(/ /g, '').toUpperCase();
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  const digits = rearranged.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder === 1;
}

const digitCount = (text: string) => text.replace(/\D/g, '').length;

/**
 * Where a phone number starts inside a run of digit groups, or -1. A number starts at "+",
 * at "00" and a country code, or at a Finnish trunk prefix "0" and a non-zero digit, and has
 * at least seven digits from there on. Ordinary numbers ("1 500 €", "2019-2023", postal code
 * "00100") do not start that way or are too short; dates with dots have at most eight digits,
 * so a run with dots needs nine.
 */
function phoneStart(run: string): number {
  const needed = run.includes('.') ? 9 : 7;
  const groups = /\+?\(?\d+/g;
  for (let group = groups.exec(run); group; group = groups.exec(run)) {
    const text = group[0].replace('(', '');
    const startsNumber = text.startsWith('+') || /^00[1-9]/.test(text) || /^0[1-9]/.test(text);
    if (startsNumber && digitCount(run.slice(group.index)) >= needed) return group.index;
  }
  return -1;
}

function scrubPhones(text: string): string {
  return text.replace(DIGIT_RUN, (run) => {
    const start = phoneStart(run);
    return start < 0 ? run : run.slice(0, start) + SCRUB_MARKERS.phone;
  });
}

/**
 * Removes details that point to a person from a visitor's free text, on the device, before
 * it is stored: e-mail addresses, bank account numbers (IBAN), Finnish personal identity
 * codes (checksum-checked, so ordinary numbers survive) and phone numbers.
 */
export function scrubFreeText(text: string): string {
  return scrubPhones(
    text
      .replace(EMAIL, SCRUB_MARKERS.email)
      .replace(IBAN, (candidate) => (isIban(candidate) ? SCRUB_MARKERS.bankAccount : candidate))
      .replace(IDENTITY_CODE, (candidate) => (isValidIdentityCode(candidate) ? SCRUB_MARKERS.identityCode : candidate)),
  );
}
