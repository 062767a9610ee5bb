import { keepKioskLink, keptKioskLink } from '../storage/preview-draft';
import { browserFetch } from './browser-fetch';

export type PreviewLinkResult = { ok: true; path: string } | { ok: false; reason: 'no-draft' | 'unreachable' | 'refused'; message: string };

/**
 * Asks the server for a preview link to this kiosk's form draft, with the kiosk's device token.
 * The link opened last goes with the request: while it lives and opens the same draft, the
 * server answers with it again, so each tap on the staff menu's button does not make a new link.
 * Without a connection it opens that link, which shows the draft as it kept it.
 */
export async function requestPreviewLink(token: string, endpoint = '/api/kiosk/preview-link'): Promise<PreviewLinkResult> {
  const kept = await keptKioskLink().catch(() => undefined);
  let reply: Response;
  try {
    reply = await browserFetch(endpoint, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(kept ? { reuse: kept } : {}),
      cache: 'no-store',
    });
  } catch {
    // Offline, the link opened last still shows the copy of the draft it kept.
    if (kept) return { ok: true, path: `/preview/${kept}` };
    return { ok: false, reason: 'unreachable', message: 'The server cannot be reached.' };
  }
  const body = (await reply.json().catch(() => null)) as { token?: string; path?: string; error?: string } | null;
  if ((reply.status === 201 || reply.status === 200) && body?.token && body.path?.startsWith('/preview/')) {
    await keepKioskLink(body.token).catch(() => undefined);
    return { ok: true, path: body.path };
  }
  if (reply.status === 404) return { ok: false, reason: 'no-draft', message: body?.error ?? 'There is no draft.' };
  return { ok: false, reason: 'refused', message: body?.error ?? `The server answered ${reply.status}.` };
}
