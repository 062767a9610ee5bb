import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { dictionary } from '@zxcvbn-ts/language-common';

// scrypt with N=2^15, r=8, p=1: about 32 MiB and tens of milliseconds per check.
const PARAMS: ScryptOptions = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, params: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, params, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** "scrypt$N$r$p$salt$key", so the parameters can be raised later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(N),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMS.maxmem,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export const MIN_PASSWORD_LENGTH = 12;

// About 49,000 passwords seen most often in breaches (zxcvbn-ts), and the words people here
// reach for first.
const COMMON = new Set([
  ...(dictionary['passwords-common'] as string[]),
  'salasana',
  'lösenord',
  'tervetuloa',
  'välkommen',
  'päiväkeskus',
  'paivakeskus',
  'rovaniemi',
  'hyvinvointialue',
  'palaute',
]);

/**
 * Is this a common password, or one with digits and marks stuck on (Salasana2026!,
 * password123456)?
 */
function isCommon(password: string): boolean {
  const lower = password.normalize('NFC').toLowerCase();
  const base = lower.replace(/[\d\W_]+$/u, '');
  return COMMON.has(lower) || (base.length >= 4 && COMMON.has(base));
}

/** Why a new password is not good enough, or null. */
export function passwordProblem(password: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (/^(.)\1*$/.test(password)) return 'A password must not be one character repeated.';
  if (isCommon(password)) return 'This password is on a list of common passwords. Choose another, for example a few unrelated words.';
  return null;
}
