/**
 * Finnish personal identity code (henkilötunnus): DDMMYY, a century sign, a three-digit
 * individual number and a check character. Since 2023 the 1900s may also be marked Y X W V U
 * and the 2000s B C D E F, beside the older "-" and "A".
 */
const CENTURY_BY_SIGN: Record<string, number> = {
  '+': 1800,
  '-': 1900, Y: 1900, X: 1900, W: 1900, V: 1900, U: 1900,
  A: 2000, B: 2000, C: 2000, D: 2000, E: 2000, F: 2000,
};

const CHECK_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY';

export interface IdentityCodeParts {
  day: string;
  month: string;
  year: string;
  /** Century sign; an en dash counts as "-", as word processors turn one into the other. */
  sign: string;
  individual: string;
  /** The check character, if the text had one. */
  check?: string;
}

/** Whether the birth date exists in the century the sign names, and the individual number is one given out. */
export function hasValidBirthDateAndNumber({ day, month, year, sign, individual }: IdentityCodeParts): boolean {
  const century = CENTURY_BY_SIGN[(sign === '–' ? '-' : sign).toUpperCase()];
  if (century === undefined) return false;
  const fullYear = century + Number(year);
  const date = new Date(Date.UTC(fullYear, Number(month) - 1, Number(day)));
  const exists =
    date.getUTCFullYear() === fullYear && date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
  // 000 and 001 are never given out.
  return exists && Number(individual) >= 2;
}

export function checkCharacterFor({ day, month, year, individual }: IdentityCodeParts): string {
  return CHECK_CHARACTERS[Number(`${day}${month}${year}${individual}`) % 31]!;
}

export function isValidIdentityCode(candidate: string): boolean {
  const match = /^(\d{2})(\d{2})(\d{2})([-+a-fu-y])(\d{3})([0-9a-y])$/i.exec(candidate.trim());
  if (!match) return false;
  const [, day, month, year, sign, individual, check] = match as unknown as string[];
  const parts = { day: day!, month: month!, year: year!, sign: sign!, individual: individual! };
  return hasValidBirthDateAndNumber(parts) && checkCharacterFor(parts) === check!.toUpperCase();
}
