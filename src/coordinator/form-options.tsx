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

/** The labelled form picker of a view that keeps its choice in plain state. */
export function FormPicker({ forms, value, onChange }: { forms: FormChoice[]; value: string; onChange: (form: string) => void }) {
  const { t } = useTranslation();
  return (
    <label className="field">
      <span>{t('dashboard.form')}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <FormOptions forms={forms} />
      </select>
    </label>
  );
}
