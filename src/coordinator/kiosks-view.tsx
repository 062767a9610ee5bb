import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isQuiet, type KioskSummary } from '../domain/kiosk-admin';
import { useHeadingFocus } from '../ui/use-heading-focus';
import { api, messageOf } from './api';
import { dateTimeIn, dayIn } from './dates';
import { nameOfUnit, useAccount } from './account-context';

/** Enrolled kiosks and their state at last sync; made and received per day; a pairing code for a new one; revocation. */
export function KiosksView() {
  const { t, i18n } = useTranslation();
  const heading = useHeadingFocus<HTMLHeadingElement>('kiosks');
  const [kiosks, setKiosks] = useState<KioskSummary[] | null>(null);
  const [pairing, setPairing] = useState<{ code: string; name: string; unit: string; expiresAt: string } | null>(null);
  const { units } = useAccount();
  const several = units.length > 1;
  const unitOf = (id: string) => nameOfUnit(units, id, i18n.language);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { register, handleSubmit, reset, formState } = useForm<{ name: string; unit: string }>({ defaultValues: { name: '', unit: units[0]?.id ?? '' } });
  const failed = (failure: unknown) => setMessage({ ok: false, text: messageOf(failure) });

  const load = useCallback(() => {
    api.kiosks().then(({ kiosks: list }) => setKiosks(list), failed);
  }, []);
  useEffect(load, [load]);

  const when = (at: string | null) => (at ? dateTimeIn(i18n.language, at) : t('kiosks.never'));
  const state = (kiosk: KioskSummary) => (kiosk.revokedAt ? t('kiosks.revoked') : isQuiet(kiosk, new Date()) ? t('kiosks.quiet') : t('kiosks.active'));

  const pair = handleSubmit(async ({ name, unit }) => {
    try {
      setPairing(await api.pair(name, unit));
      setMessage(null);
      reset({ name: '', unit });
    } catch (failure) {
      failed(failure);
    }
  });
  const revoke = async (kiosk: KioskSummary) => {
    try {
      await api.revoke(kiosk.id);
      setMessage({ ok: true, text: t('kiosks.revokedDone', { name: kiosk.name }) });
      load();
    } catch (failure) {
      failed(failure);
    }
    setConfirming(null);
  };

  return (
    <section aria-labelledby="kiosks-heading">
      <h1 id="kiosks-heading" ref={heading} tabIndex={-1}>
        {t('kiosks.heading')}
      </h1>
      {message ? (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? undefined : 'error'}>
          {message.text}
        </p>
      ) : null}
      {kiosks && kiosks.length === 0 ? <p>{t('kiosks.none')}</p> : null}
      {kiosks && kiosks.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('kiosks.name')}</th>
              {several ? <th scope="col">{t('units.unit')}</th> : null}
              <th scope="col">{t('kiosks.state')}</th>
              <th scope="col">{t('kiosks.lastSync')}</th>
              <th scope="col">{t('kiosks.waiting')}</th>
              <th scope="col">{t('kiosks.appVersion')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('kiosks.revoke')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {kiosks.map((kiosk) => (
              <tr key={kiosk.id}>
                <th scope="row">{kiosk.name}</th>
                {several ? <td>{unitOf(kiosk.unitId)}</td> : null}
                <td>{state(kiosk)}</td>
                <td>{when(kiosk.lastSyncAt)}</td>
                <td>{kiosk.waitingAtSync ?? '–'}</td>
                <td>{kiosk.appVersion ?? '–'}</td>
                <td>
                  {kiosk.revokedAt ? null : confirming === kiosk.id ? (
                    <div role="group" aria-label={t('kiosks.confirmRevoke', { name: kiosk.name })} className="actions">
                      <button type="button" className="primary" onClick={() => void revoke(kiosk)}>
                        {t('kiosks.revokeForGood', { name: kiosk.name })}
                      </button>
                      <button type="button" onClick={() => setConfirming(null)}>
                        {t('dayLog.cancel')}
                      </button>
                    </div>
                  ) : (
                    <button type="button" onClick={() => setConfirming(kiosk.id)}>
                      {t('kiosks.revokeNamed', { name: kiosk.name })}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {kiosks && kiosks.length > 0 ? <MadeAndReceived kiosks={kiosks} /> : null}

      <h2>{t('kiosks.pairHeading')}</h2>
      <p>{t('kiosks.pairIntro')}</p>
      <form onSubmit={(event) => void pair(event)} className="narrow" noValidate>
        <label className="field">
          <span>{t('kiosks.newName')}</span>
          <input autoComplete="off" {...register('name', { required: true, maxLength: 80 })} />
        </label>
        {several ? (
          <label className="field">
            <span>{t('units.unit')}</span>
            <select {...register('unit', { required: true })}>
              {units.map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unitOf(unit.id)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          {t('kiosks.pair')}
        </button>
      </form>
      {pairing ? (
        <div role="status" className="pairing-code">
          <p>{t('kiosks.codeFor', { name: several ? `${pairing.name} (${unitOf(pairing.unit)})` : pairing.name })}</p>
          <p className="pairing-code__code">{pairing.code}</p>
          <p>{t('kiosks.codeValid', { until: when(pairing.expiresAt) })}</p>
        </div>
      ) : null}
    </section>
  );
}

/**
 * Per kiosk, its recent days: responses made on the tablet, received by the server, and missing.
 * A real table per kiosk, so a screen reader reads each number with its day and column. A revoked
 * kiosk shows only while its days hold something.
 */
function MadeAndReceived({ kiosks }: { kiosks: KioskSummary[] }) {
  const { t, i18n } = useTranslation();
  const shown = kiosks.filter((kiosk) => kiosk.days.length > 0 && (!kiosk.revokedAt || kiosk.days.some((day) => day.made > 0 || day.received > 0)));
  return (
    <>
      <h2>{t('kiosks.madeHeading')}</h2>
      <p>{t('kiosks.madeIntro')}</p>
      <p>{t('kiosks.madeWaiting')}</p>
      {shown.length === 0 ? <p>{t('kiosks.madeNothing')}</p> : null}
      {shown.map((kiosk) => (
        <table key={kiosk.id} className="made-received">
          <caption>{t('kiosks.madeCaption', { name: kiosk.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('kiosks.date')}</th>
              <th scope="col">{t('kiosks.made')}</th>
              <th scope="col">{t('kiosks.received')}</th>
              <th scope="col">{t('kiosks.missing')}</th>
            </tr>
          </thead>
          <tbody>
            {kiosk.days.map((day) => (
              <tr key={day.date}>
                <th scope="row">{dayIn(i18n.language, day.date)}</th>
                <td>{day.made}</td>
                <td>{day.received}</td>
                <td>{day.missing > 0 ? <strong>{day.missing}</strong> : day.missing}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}
