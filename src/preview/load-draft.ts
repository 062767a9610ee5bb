import { checkDraft, type DraftCheck } from '../domain/draft';
import { formStructure, type FormDefinition } from '../domain/form-schema';
import { browserFetch } from '../sync/browser-fetch';

export type DraftLoad =
  | { state: 'loading' }
  | { state: 'failed'; reason: 'not-working' | 'unreachable' }
  | { state: 'ready'; form: FormDefinition; check: DraftCheck };

/**
 * Fetches the draft a preview link opens. A draft may still lack texts in a language (the
 * kiosk then shows the form's first language there, and the side-by-side view says so).
 */
export async function loadDraft(token: string): Promise<DraftLoad> {
  let reply: Response;
  try {
    reply = await browserFetch(`/api/preview/${token}`, { cache: 'no-store' });
  } catch {
    return { state: 'failed', reason: 'unreachable' };
  }
  if (reply.status === 404 || reply.status === 400) return { state: 'failed', reason: 'not-working' };
  if (!reply.ok) return { state: 'failed', reason: 'unreachable' };
  const body = (await reply.json().catch(() => null)) as { definition?: unknown } | null;
  const check = checkDraft(body?.definition);
  const structure = formStructure.safeParse(body?.definition);
  if (!check.canSave || !structure.success) return { state: 'failed', reason: 'not-working' };
  return { state: 'ready', form: structure.data, check };
}
