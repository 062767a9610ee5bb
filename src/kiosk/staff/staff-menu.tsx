import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { readEnrollment, saveEnrollment, type Enrollment } from '../../storage/enrollment';
import { setAsideResponses } from '../../storage/outbox';
import type { SetAsideResponse } from '../../storage/kiosk-db';
import { requestEnrollment } from '../../sync/enroll';
import { applyUpdate, useUpdateState } from '../app-update';
import { KioskFrame } from '../kiosk-frame';
import { refreshSyncStatus, syncNow, useSyncStatus } from '../kiosk-sync';
import { useHeadingFocus } from '../use-heading-focus';
import { hashPin, pinMatches, PIN_PATTERN } from './pin';

type View = { name: 'loading' } | { name: 'enroll' } | { name: 'pin'; enrollment: Enrollment } | { name: 'status'; enrollment: Enrollment };

/**
 * The staff menu: enrollment with a pairing code and a new PIN on a fresh kiosk; after that the
 * PIN, then the kiosk's sync state, responses set aside with the reason, "send now" and updates.
 */
export default function StaffMenu({ languages, onClose }: { languages: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>({ name: 'loading' });
  useEffect(() => {
    readEnrollment()
      .then((enrollment) => setView(enrollment ? { name: 'pin', enrollment } : { name: 'enroll' }))
      .catch(() => setView({ name: 'enroll' }));
  }, []);
  const close = (
    <button key="close" type="button" className="button button--secondary" onClick={onClose}>
      {t('staff.close')}
    </button>
  );
  return (
    <KioskFrame languages={languages} speech={t('staff.heading')} footer={close}>
      {view.name === 'enroll' ? <EnrollForm onEnrolled={(enrollment) => setView({ name: 'status', enrollment })} /> : null}
      {view.name === 'pin' ? <PinForm enrollment={view.enrollment} onOpen={() => setView({ name: 'status', enrollment: view.enrollment })} /> : null}
      {view.name === 'status' ? <StatusView enrollment={view.enrollment} /> : null}
    </KioskFrame>
  );
}

interface EnrollFields {
  pairingCode: string;
  pin: string;
  pinAgain: string;
}

function EnrollForm({ onEnrolled }: { onEnrolled: (enrollment: Enrollment) => void }) {
  const { t } = useTranslation();
  const heading = useHeadingFocus<HTMLHeadingElement>('enroll');
  const { register, handleSubmit, getValues, formState } = useForm<EnrollFields>();
  const [failure, setFailure] = useState<string | null>(null);
  const submit = handleSubmit(async ({ pairingCode, pin }) => {
    setFailure(null);
    const result = await requestEnrollment(pairingCode.trim());
    if (!result.ok) return setFailure(result.message);
    const enrollment = { ...result.answer, pin: await hashPin(pin) };
    await saveEnrollment(enrollment);
    void syncNow();
    onEnrolled(enrollment);
  });
  const error = (name: keyof EnrollFields) => formState.errors[name]?.message;
  return (
    <form className="staff" onSubmit={(event) => void submit(event)} noValidate>
      <h1 ref={heading} tabIndex={-1}>
        {t('staff.enrollHeading')}
      </h1>
      <p>{t('staff.enrollIntro')}</p>
      <label className="field">
        <span>{t('staff.pairingCode')}</span>
        <input
          className="field__input"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-invalid={Boolean(error('pairingCode'))}
          {...register('pairingCode', { required: t('staff.pairingCodeMissing') })}
        />
        {error('pairingCode') ? <span className="field__error">{error('pairingCode')}</span> : null}
      </label>
      <label className="field">
        <span>{t('staff.newPin')}</span>
        <input
          className="field__input"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          aria-invalid={Boolean(error('pin'))}
          {...register('pin', { pattern: { value: PIN_PATTERN, message: t('staff.pinRule') }, required: t('staff.pinRule') })}
        />
        {error('pin') ? <span className="field__error">{error('pin')}</span> : null}
      </label>
      <label className="field">
        <span>{t('staff.pinAgain')}</span>
        <input
          className="field__input"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          aria-invalid={Boolean(error('pinAgain'))}
          {...register('pinAgain', { validate: (value) => value === getValues('pin') || t('staff.pinsDiffer') })}
        />
        {error('pinAgain') ? <span className="field__error">{error('pinAgain')}</span> : null}
      </label>
      {failure ? (
        <p className="review__failed" role="alert">
          {failure}
        </p>
      ) : null}
      <button type="submit" className="button button--primary" disabled={formState.isSubmitting}>
        {t('staff.enroll')}
      </button>
    </form>
  );
}

function PinForm({ enrollment, onOpen }: { enrollment: Enrollment; onOpen: () => void }) {
  const { t } = useTranslation();
  const heading = useHeadingFocus<HTMLHeadingElement>('pin');
  const { register, handleSubmit, reset } = useForm<{ pin: string }>();
  const [wrong, setWrong] = useState(false);
  const submit = handleSubmit(async ({ pin }) => {
    if (await pinMatches(pin, enrollment.pin)) return onOpen();
    setWrong(true);
    reset();
  });
  return (
    <form className="staff" onSubmit={(event) => void submit(event)} noValidate>
      <h1 ref={heading} tabIndex={-1}>
        {t('staff.heading')}
      </h1>
      <label className="field">
        <span>{t('staff.pin')}</span>
        <input className="field__input" type="password" inputMode="numeric" autoComplete="off" {...register('pin')} />
      </label>
      {wrong ? (
        <p className="review__failed" role="alert">
          {t('staff.wrongPin')}
        </p>
      ) : null}
      <button type="submit" className="button button--primary">
        {t('staff.open')}
      </button>
    </form>
  );
}

function StatusView({ enrollment }: { enrollment: Enrollment }) {
  const { t, i18n } = useTranslation();
  const heading = useHeadingFocus<HTMLHeadingElement>('status');
  const status = useSyncStatus();
  const update = useUpdateState();
  const [setAside, setSetAside] = useState<SetAsideResponse[]>([]);
  useEffect(() => {
    void refreshSyncStatus();
  }, []);
  useEffect(() => {
    setAsideResponses().then(setSetAside, () => setSetAside([]));
  }, [status?.lastSuccessAt, status?.waiting]);
  const when = (date: Date | null | undefined) =>
    date ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }).format(date) : t('staff.never');
  return (
    <section className="staff" aria-labelledby="staff-status">
      <h1 id="staff-status" ref={heading} tabIndex={-1}>
        {t('staff.heading')}
      </h1>
      <dl className="staff__facts">
        <dt>{t('staff.kiosk')}</dt>
        <dd>{enrollment.name}</dd>
        <dt>{t('staff.waiting')}</dt>
        <dd data-testid="waiting">{status?.waiting ?? '…'}</dd>
        <dt>{t('staff.lastSync')}</dt>
        <dd>{when(status?.lastSuccessAt)}</dd>
        <dt>{t('staff.lastError')}</dt>
        <dd>{status?.lastError ?? t('staff.none')}</dd>
        <dt>{t('staff.appVersion')}</dt>
        <dd>{__APP_VERSION__}</dd>
      </dl>
      <div className="staff__actions">
        <button type="button" className="button button--primary" onClick={() => void syncNow()} disabled={status?.state === 'sending'}>
          {status?.state === 'sending' ? t('staff.sending') : t('staff.syncNow')}
        </button>
        {update === 'waiting' ? (
          <button type="button" className="button button--secondary" onClick={applyUpdate}>
            {t('staff.update')}
          </button>
        ) : null}
      </div>
      <h2>{t('staff.setAside')}</h2>
      {setAside.length === 0 ? (
        <p>{t('staff.none')}</p>
      ) : (
        <ul className="staff__set-aside">
          {setAside.map((item) => (
            <li key={item.id}>
              {item.response.date}: {item.reason}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
