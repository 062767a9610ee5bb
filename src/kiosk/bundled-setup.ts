import { defaultForm } from '../domain/default-form';
import type { KioskSetup } from '../domain/kiosk-setup';

/** What a kiosk shows before its first sync: the bundled form, always open, no notices. */
export const bundledSetup: KioskSetup = { form: defaultForm, notices: [], openingHours: null };
