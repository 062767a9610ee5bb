import * as z from 'zod/mini';
import { checkDraft, type DraftCheck } from '../domain/draft';
import { formStructure, type FormDefinition } from '../domain/form-schema';
import { kioskNotice, type KioskNotice } from '../domain/notice';
import { forgetDraft, keepDraft, keptDraft } from '../storage/preview-draft';
import { browserFetch } from '../sync/browser-fetch';

/** Why a preview shows no draft: the link was never right, the review is over, or no connection and nothing kept. */
export type NoDraft = 'unknown' | 'ended' | 'unreachable';

export type DraftLoad =
  | { state: 'loading' }
  | { state: 'failed'; reason: NoDraft }
  /**
   * `notices`: a notice's link shows its notice on the start screen of the published form, and
   * its reviewers comment on the notice alone; a draft's link shows none.
   */
  | { state: 'ready'; form: FormDefinition; check: DraftCheck; notices: KioskNotice[]; offline: boolean };

const noticeList = z.array(kioskNotice);

function ready(definition: unknown, notices: unknown, offline: boolean): DraftLoad | null {
  const check = checkDraft(definition);
  const structure = formStructure.safeParse(definition);
  const shown = noticeList.safeParse(notices ?? []);
  return check.canSave && structure.success && shown.success ? { state: 'ready', form: structure.data, check, notices: shown.data, offline } : null;
}

/** The copy kept on this device from an earlier visit, when the server cannot be reached. */
async function kept(token: string): Promise<DraftLoad> {
  const copy = await keptDraft(token).catch(() => undefined);
  return (copy !== undefined && ready(copy.definition, copy.notices, true)) || { state: 'failed', reason: 'unreachable' };
}

/**
 * Fetches the draft a preview link opens, and keeps it on the device for as long as the link
 * works, as the kiosk keeps its form: a reload without a connection shows the kept copy. Once the
 * server says the link has ended (or never was), the copy goes. A draft may still lack texts in a
 * language (the kiosk then shows the form's first language there, and the texts view says so).
 * `token` is null for a path under /preview/ that holds no well-formed token (cut short).
 */
export async function loadDraft(token: string | null): Promise<DraftLoad> {
  if (token === null) return { state: 'failed', reason: 'unknown' };
  let reply: Response;
  try {
    reply = await browserFetch(`/api/preview/${token}`, { cache: 'no-store' });
  } catch {
    return kept(token);
  }
  if (reply.status === 404) {
    // The server's own 404 names its reason; one from a proxy in front of it says nothing of the
    // link, and the kept copy stays.
    const body = (await reply.json().catch(() => null)) as { reason?: string } | null;
    if (body?.reason !== 'ended' && body?.reason !== 'unknown') return kept(token);
    await forgetDraft(token).catch(() => undefined);
    return { state: 'failed', reason: body.reason };
  }
  if (!reply.ok) return kept(token);
  const body = (await reply.json().catch(() => null)) as { definition?: unknown; notices?: unknown } | null;
  const loaded = ready(body?.definition, body?.notices, false);
  if (!loaded) return { state: 'failed', reason: 'unknown' };
  await keepDraft(token, body!.definition, body!.notices ?? []).catch((error: unknown) => console.warn('The draft could not be kept for offline use:', error));
  return loaded;
}
