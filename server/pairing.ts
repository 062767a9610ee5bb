import { hashSecret, newPairingCode, normalisePairingCode } from './credentials';
import type { Database } from './db/database';
import { addPairingCode } from './db/kiosks';

export const PAIRING_CODE_VALID_MS = 24 * 60 * 60 * 1000;

/** A one-time pairing code for a kiosk of a unit to be called `name`: shown once, stored only hashed, valid a day. */
export async function makePairingCode(db: Database, name: string, unitId: string, now = new Date()): Promise<{ code: string; expiresAt: Date }> {
  const code = newPairingCode();
  const expiresAt = new Date(now.getTime() + PAIRING_CODE_VALID_MS);
  await addPairingCode(db, hashSecret(normalisePairingCode(code)), name, unitId, expiresAt);
  return { code, expiresAt };
}
