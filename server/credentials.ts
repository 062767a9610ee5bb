import { createHash, randomBytes, randomInt } from 'node:crypto';

/** A device token: 256 random bits. The kiosk keeps it; the server keeps only its hash. */
export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Tokens and pairing codes are long random secrets, not passwords: one SHA-256 is enough to
 * make a stolen database useless for signing in, and keeps the lookup by hash fast.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

// No 0/O, 1/I/L, 5/S, 2/Z, 8/B: easy to read off a screen and type on a tablet.
const PAIRING_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';

/** A one-time pairing code such as "K7QM-4XPD" (about 37 bits; valid for a day, used once). */
export function newPairingCode(): string {
  const chars = Array.from({ length: 8 }, () => PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)]!);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** What a person typed, in the form the code was hashed in: upper case, no spaces or dashes. */
export function normalisePairingCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}
