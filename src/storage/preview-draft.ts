import { kioskDb } from './kiosk-db';

/** Keeps the draft a preview link opened (and the notices it shows), replacing what was kept for it before. */
export async function keepDraft(token: string, definition: unknown, notices: unknown): Promise<void> {
  await kioskDb.drafts.put({ token, definition, notices });
}

/** The draft (and the notices) last kept for this link, if any. */
export async function keptDraft(token: string): Promise<{ definition: unknown; notices: unknown } | undefined> {
  const kept = await kioskDb.drafts.get(token);
  return kept && { definition: kept.definition, notices: kept.notices };
}

/** The link no longer works: its draft goes from the device. */
export async function forgetDraft(token: string): Promise<void> {
  await kioskDb.drafts.delete(token);
}

const KIOSK_LINK = 'previewLink';

/** The token of the preview link this kiosk's staff menu opened last, if any. */
export async function keptKioskLink(): Promise<string | undefined> {
  const value = (await kioskDb.settings.get(KIOSK_LINK))?.value;
  return typeof value === 'string' ? value : undefined;
}

export async function keepKioskLink(token: string): Promise<void> {
  await kioskDb.settings.put({ key: KIOSK_LINK, value: token });
}
