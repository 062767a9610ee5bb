import type { FormDefinition } from './form-schema';
import definition from './todays-feedback.form.json';

/**
 * "Today's feedback", the form a kiosk shows until it has fetched a published one. It is taken as
 * it is, without loading the validator onto the start screen; a unit test proves it valid.
 */
export const defaultForm = definition as unknown as FormDefinition;
