import * as z from 'zod/mini';
import { formDefinition } from './form-schema';
import { kioskNotice } from './notice';
import { openingHours } from './opening-hours';

/** More than a kiosk could ever show one at a time; the server sends at most 20. */
const MAX_NOTICES = 50;

/**
 * What a kiosk keeps for offline use, fetched as one with one ETag: the published form of its
 * unit, the notices its start screen shows (from their first day to their last, by the kiosk's
 * own clock), and its opening hours (null: always open). Nothing in it is tied to any answer.
 */
export const kioskSetup = z.strictObject({
  form: formDefinition,
  notices: z.array(kioskNotice).check(z.maxLength(MAX_NOTICES)),
  openingHours: z.nullable(openingHours),
});
export type KioskSetup = z.output<typeof kioskSetup>;

export function parseKioskSetup(input: unknown): KioskSetup {
  return kioskSetup.parse(input);
}
