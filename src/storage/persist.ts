/**
 * Asks the browser not to evict the kiosk's storage under pressure: the outbox may hold days
 * of feedback while the tablet is offline. A browser may say no; then storage is best-effort.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}
