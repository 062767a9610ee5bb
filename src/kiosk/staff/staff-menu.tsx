import { forwardRef, useEffect, useId, useState, type InputHTMLAttributes } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { readEnrollment, saveEnrollment, type Enrollment } from '../../storage/enrollment';
import { sendSetAsideAgain, setAsideResponses, type SetAsideEntry } from '../../storage/outbox';
import { requestEnrollment } from '../../sync/enroll';
import { requestPreviewLink } from '../../sync/preview-link';
import { applyUpdate, useUpdateState } from '../app-update';
import { KioskFrame } from '../kiosk-frame';
import { refreshSyncStatus, syncNow, useSyncStatus } from '../kiosk-sync';
import { useHeadingFocus } from '../../ui/use-heading-focus';
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

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string };

/** A labelled text input with its error tied to it; no autofill or spelling memory (shared tablet). */
const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField({ label, error, ...input }, ref) {
  const errorId = useId();
  return (
    <label className="field">
      <span>{label}</span>
      <input
        ref={ref}
        className="field__input"
        autoComplete="off"
        spellCheck={false}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? errorId : undefined}
        {...input}
      />
      {error ? (
        <span id={errorId} className="field__error">
          {error}
        </span>
      ) : null}
    </label>
  );
});

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
      <TextField label={t('staff.pairingCode')} error={error('pairingCode')} autoCapitalize="characters" {...register('pairingCode', { required: t('staff.pairingCodeMissing') })} />
      <TextField
        label={t('staff.newPin')}
        error={error('pin')}
        type="password"
        inputMode="numeric"
        {...register('pin', { pattern: { value: PIN_PATTERN, message: t('staff.pinRule') }, required: t('staff.pinRule') })}
      />
      <TextField
        label={t('staff.pinAgain')}
        error={error('pinAgain')}
        type="password"
        inputMode="numeric"
        {...register('pinAgain', { validate: (value) => value === getValues('pin') || t('staff.pinsDiffer') })}
      />
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
      <TextField label={t('staff.pin')} type="password" inputMode="numeric" {...register('pin')} />
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
  const [setAside, setSetAside] = useState<SetAsideEntry[]>([]);
  const [previewProblem, setPreviewProblem] = useState<string | null>(null);
  useEffect(() => {
    void refreshSyncStatus();
  }, []);
  // The preview replaces the kiosk page (no history entry) and comes back to it when ended.
  const openPreview = async () => {
    setPreviewProblem(null);
    const result = await requestPreviewLink(enrollment.token);
    if (result.ok) location.replace(`${result.path}?kiosk`);
    else setPreviewProblem(result.reason === 'no-draft' ? t('staff.noDraft') : result.reason === 'unreachable' ? t('staff.previewUnreachable') : result.message);
  };
  const readSetAside = () => setAsideResponses().then(setSetAside, () => setSetAside([]));
  useEffect(() => {
    void readSetAside();
  }, [status?.lastSuccessAt, status?.waiting]);
  // Once the cause is put right (a clock, a server that did not know a form): back to the outbox.
  const [sendAgainProblem, setSendAgainProblem] = useState<string | null>(null);
  const sendAgain = async () => {
    setSendAgainProblem(null);
    try {
      await sendSetAsideAgain();
    } catch (error) {
      setSendAgainProblem(`${t('staff.sendAgainFailed')} (${error instanceof Error ? error.name : 'error'})`);
    }
    await readSetAside();
    await syncNow();
  };
  const clockOff = status?.clockOffMs ?? null;
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
        <button type="button" className="button button--secondary" onClick={() => void openPreview()}>
          {t('staff.previewDraft')}
        </button>
      </div>
      {previewProblem ? (
        <p className="review__failed" role="alert">
          {previewProblem}
        </p>
      ) : null}
      {clockOff !== null ? (
        <p className="review__failed" role="alert">
          {t(clockOff > 0 ? 'staff.clockBehind' : 'staff.clockAhead', { hours: Math.round(Math.abs(clockOff) / 3_600_000) })}
        </p>
      ) : null}
      <h2>{t('staff.setAside')}</h2>
      {setAside.length === 0 ? (
        <p>{t('staff.none')}</p>
      ) : (
        <>
          <ul className="staff__set-aside">
            {setAside.map((item) => (
              <li key={item.id}>
                {item.date ?? '?'}: {item.kind === 'clock' ? `${t('staff.clockProblem')} ` : ''}
                {item.reason}
              </li>
            ))}
          </ul>
          <button type="button" className="button button--secondary" onClick={() => void sendAgain()} disabled={status?.state === 'sending'}>
            {t('staff.sendAgain')}
          </button>
          {sendAgainProblem ? (
            <p className="review__failed" role="alert">
              {sendAgainProblem}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
