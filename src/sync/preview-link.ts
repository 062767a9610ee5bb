import { browserFetch } from './browser-fetch';

export type PreviewLinkResult = { ok: true; path: string } | { ok: false; reason: 'no-draft' | 'unreachable' | 'refused'; message: string };

/** Asks the server for a preview link to this kiosk's form draft, with the kiosk's device token. */
export async function requestPreviewLink(token: string, endpoint = '/api/kiosk/preview-link'): Promise<PreviewLinkResult> {
  let reply: Response;
  try {
    reply = await browserFetch(endpoint, { method: 'POST', headers: { authorization: `Bearer ${token}` }, cache: 'no-store' });
  } catch {
    return { ok: false, reason: 'unreachable', message: 'The server cannot be reached.' };
  }
  const body = (await reply.json().catch(() => null)) as { path?: string; error?: string } | null;
  if (reply.status === 201 && body?.path?.startsWith('/preview/')) return { ok: true, path: body.path };
  if (reply.status === 404) return { ok: false, reason: 'no-draft', message: body?.error ?? 'There is no draft.' };
  return { ok: false, reason: 'refused', message: body?.error ?? `The server answered ${reply.status}.` };
}
