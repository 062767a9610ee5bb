import { parseFormDefinition } from './form-schema';
import definition from './todays-feedback.form.json';

/** "Today's feedback", the form a kiosk shows until it has fetched a published one. */
export const defaultForm = parseFormDefinition(definition);
