/** How long ago a kiosk last synced, in the steps a monitor alerts on; a kiosk syncs every quarter of an hour. */
export const CONTACT_AGES = ['under_1h', 'under_1d', 'under_7d', 'older', 'never'] as const;
export type ContactAge = (typeof CONTACT_AGES)[number];

const HOUR_MS = 60 * 60_000;
const STEPS: [ContactAge, number][] = [
  ['under_1h', HOUR_MS],
  ['under_1d', 24 * HOUR_MS],
  ['under_7d', 7 * 24 * HOUR_MS],
];

export function contactAge(lastSyncAt: string | null, now: Date): ContactAge {
  if (lastSyncAt === null) return 'never';
  const ago = now.getTime() - Date.parse(lastSyncAt);
  return STEPS.find(([, limit]) => ago < limit)?.[0] ?? 'older';
}

/** How many kiosks are in each step, every step present (0 when empty) so a graph has no gaps. */
export function kiosksByContactAge(lastSyncs: (string | null)[], now: Date): Record<ContactAge, number> {
  const counts = Object.fromEntries(CONTACT_AGES.map((age) => [age, 0])) as Record<ContactAge, number>;
  for (const at of lastSyncs) counts[contactAge(at, now)] += 1;
  return counts;
}
