/**
 * The staff PIN is kept only as a salted PBKDF2 hash in the kiosk's storage. A short PIN is
 * guessable offline by anyone holding the tablet's storage; it guards the staff menu from a
 * visitor's fingers, not from forensics.
 */
export interface PinHash {
  salt: string;
  hash: string;
}

const ITERATIONS = 100_000;
const encode = (bytes: ArrayBuffer | Uint8Array) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
const decode = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(pin: string, salt: Uint8Array): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations: ITERATIONS }, key, 256);
  return encode(bits);
}

export async function hashPin(pin: string): Promise<PinHash> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { salt: encode(salt), hash: await derive(pin, salt) };
}

export async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
  return (await derive(pin, decode(stored.salt))) === stored.hash;
}

export const PIN_PATTERN = /^\d{4,8}$/;
