import { kioskDb } from './kiosk-db';

/** Keeps the draft a preview link opened, replacing what was kept for it before. */
export async function keepDraft(token: string, definition: unknown): Promise<void> {
  await kioskDb.drafts.put({ token, definition });
}

/** The draft last kept for this link, if any. */
export async function keptDraft(token: string): Promise<unknown> {
  return (await kioskDb.drafts.get(token))?.definition;
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
