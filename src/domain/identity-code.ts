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

/** Shape of a code, letters in either case; isValidIdentityCode decides whether it is one. */
export const IDENTITY_CODE_SHAPE = /(\d{2})(\d{2})(\d{2})([-+a-fu-y])(\d{3})([0-9a-z])/i;

export function isValidIdentityCode(candidate: string): boolean {
  const match = new RegExp(`^${IDENTITY_CODE_SHAPE.source}$`, 'i').exec(candidate.trim());
  if (!match) return false;
  const [, dd, mm, yy, sign, individual, check] = match as unknown as string[];
  const century = CENTURY_BY_SIGN[sign!.toUpperCase()];
  if (century === undefined) return false;
  const day = Number(dd);
  const month = Number(mm);
  const year = century + Number(yy);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  // 000 and 001 are never given out.
  if (Number(individual) < 2) return false;
  const remainder = Number(`${dd}${mm}${yy}${individual}`) % 31;
  return CHECK_CHARACTERS[remainder] === check!.toUpperCase();
}
