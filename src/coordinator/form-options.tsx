import { useTranslation } from 'react-i18next';
import type { FormChoice } from './api';

/** The options of a form picker: each form by its newest title in the area's language. */
export function FormOptions({ forms }: { forms: FormChoice[] }) {
  const { i18n } = useTranslation();
  return forms.map((form) => (
    <option key={form.id} value={form.id}>
      {form.title[i18n.language] ?? Object.values(form.title)[0]}
    </option>
  ));
}
