import * as z from 'zod/mini';
import { forgetPreviousServer } from './kept-copies';
import { kioskDb } from './kiosk-db';

/** What a kiosk keeps of its enrollment: the server's device token and the staff PIN's hash. */
const enrollment = z.object({
  kioskId: z.string(),
  name: z.string(),
  token: z.string(),
  pin: z.object({ salt: z.string(), hash: z.string() }),
});
export type Enrollment = z.output<typeof enrollment>;

export async function readEnrollment(): Promise<Enrollment | null> {
  const row = await kioskDb.settings.get('enrollment');
  const parsed = enrollment.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

/** Saves a new enrollment, forgetting in the same transaction what belonged to the one before. */
export async function saveEnrollment(value: Enrollment): Promise<void> {
  const valid = enrollment.parse(value);
  await kioskDb.transaction('rw', kioskDb.settings, kioskDb.kept, kioskDb.made, async () => {
    await forgetPreviousServer();
    await kioskDb.settings.put({ key: 'enrollment', value: valid });
  });
}
