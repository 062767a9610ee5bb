import * as z from 'zod/mini';
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

export async function saveEnrollment(value: Enrollment): Promise<void> {
  await kioskDb.settings.put({ key: 'enrollment', value: enrollment.parse(value) });
}
