import type { CoordinatorSession } from '../domain/coordinator-api';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useHeadingFocus } from '../ui/use-heading-focus';
import { api, messageOf } from './api';
import { ErrorMessage } from './error-message';

export function SignIn({ ended, onSignedIn }: { ended: boolean; onSignedIn: (account: CoordinatorSession) => void }) {
  const { t } = useTranslation();
  const heading = useHeadingFocus<HTMLHeadingElement>('sign-in');
  const { register, handleSubmit, formState } = useForm<{ username: string; password: string }>();
  const [error, setError] = useState<string | null>(null);

  const submit = handleSubmit(async ({ username, password }) => {
    setError(null);
    try {
      onSignedIn(await api.signIn(username.trim(), password));
    } catch (failure) {
      setError(messageOf(failure));
    }
  });

  return (
    <main className="sign-in">
      <h1 ref={heading} tabIndex={-1}>
        {t('signIn.heading')}
      </h1>
      {ended && !error ? <p role="status">{t('signIn.ended')}</p> : null}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <label className="field">
          <span>{t('signIn.username')}</span>
          <input autoComplete="username" required {...register('username', { required: true })} />
        </label>
        <label className="field">
          <span>{t('signIn.password')}</span>
          <input type="password" autoComplete="current-password" required {...register('password', { required: true })} />
        </label>
        <ErrorMessage text={error} />
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t('signIn.working') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
