import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useHeadingFocus } from '../ui/use-heading-focus';
import { api, messageOf } from './api';

interface PasswordFields {
  current: string;
  next: string;
  repeat: string;
}

/** A coordinator changes their own password; other sessions are signed out. */
export function AccountView() {
  const { t } = useTranslation();
  const heading = useHeadingFocus<HTMLHeadingElement>('account');
  const { register, handleSubmit, formState, reset } = useForm<PasswordFields>();
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);

  const submit = handleSubmit(async ({ current, next }) => {
    setResult(null);
    try {
      await api.changePassword(current, next);
      reset();
      setResult({ ok: true, message: t('account.changed') });
    } catch (failure) {
      setResult({ ok: false, message: messageOf(failure) });
    }
  });

  return (
    <section aria-labelledby="account-heading">
      <h1 id="account-heading" ref={heading} tabIndex={-1}>
        {t('account.heading')}
      </h1>
      <h2>{t('account.changePassword')}</h2>
      <form onSubmit={(event) => void submit(event)} noValidate className="narrow">
        <label className="field">
          <span>{t('account.current')}</span>
          <input type="password" autoComplete="current-password" {...register('current', { required: true })} />
        </label>
        <label className="field">
          <span>{t('account.new')}</span>
          <input type="password" autoComplete="new-password" aria-describedby="new-password-hint" {...register('next', { required: true })} />
        </label>
        <p id="new-password-hint" className="hint">
          {t('account.newHint')}
        </p>
        <label className="field">
          <span>{t('account.repeat')}</span>
          <input
            type="password"
            autoComplete="new-password"
            aria-invalid={formState.errors.repeat ? true : undefined}
            aria-describedby={formState.errors.repeat ? 'repeat-error' : undefined}
            {...register('repeat', { validate: (value, fields) => value === fields.next })}
          />
        </label>
        {formState.errors.repeat ? (
          <p id="repeat-error" className="error">
            {t('account.mismatch')}
          </p>
        ) : null}
        {result ? (
          <p role={result.ok ? 'status' : 'alert'} className={result.ok ? undefined : 'error'}>
            {result.message}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          {t('account.submit')}
        </button>
      </form>
    </section>
  );
}
