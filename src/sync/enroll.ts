import type { EnrollAnswer, ErrorAnswer } from '../domain/sync-protocol';
import { browserFetch } from './browser-fetch';

export type EnrollResult = { ok: true; answer: EnrollAnswer } | { ok: false; message: string };

/** Trades a pairing code for this kiosk's device token. */
export async function requestEnrollment(pairingCode: string, endpoint = '/api/kiosk/enroll'): Promise<EnrollResult> {
  let reply: Response;
  try {
    reply = await browserFetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pairingCode }),
      cache: 'no-store',
    });
  } catch {
    return { ok: false, message: 'The server cannot be reached. Check the network and try again.' };
  }
  const body = (await reply.json().catch(() => null)) as EnrollAnswer | ErrorAnswer | null;
  if (reply.status === 201 && body && 'token' in body) return { ok: true, answer: body };
  return { ok: false, message: body && 'error' in body ? body.error : `The server answered ${reply.status}.` };
}
