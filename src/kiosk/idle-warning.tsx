import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IDLE_WARNING_FOR_MS } from './timing';

/**
 * "Are you still there?" with a big Continue and a countdown. When time runs out the kiosk
 * discards the answers. A native modal dialog keeps focus inside and Escape also continues.
 */
export function IdleWarning({ onContinue, onTimeout }: { onContinue: () => void; onTimeout: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [secondsLeft, setSecondsLeft] = useState(Math.round(IDLE_WARNING_FOR_MS / 1000));

  useEffect(() => {
    dialog.current?.showModal();
    const endsAt = Date.now() + IDLE_WARNING_FOR_MS;
    const tick = window.setInterval(() => {
      const left = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
      setSecondsLeft(left);
    }, 1000);
    const timeout = window.setTimeout(onTimeout, IDLE_WARNING_FOR_MS);
    return () => {
      window.clearInterval(tick);
      window.clearTimeout(timeout);
    };
  }, [onTimeout]);

  return (
    <dialog
      ref={dialog}
      className="idle-warning"
      role="alertdialog"
      aria-labelledby="idle-heading"
      aria-describedby="idle-body"
      onCancel={(event) => {
        event.preventDefault();
        onContinue();
      }}
    >
      <h2 id="idle-heading">{t('idle.heading')}</h2>
      <p id="idle-body">{t('idle.body')}</p>
      <p className="idle-warning__countdown">{t('idle.secondsLeft', { count: secondsLeft })}</p>
      <button type="button" className="button button--primary button--huge" autoFocus onClick={onContinue}>
        {t('idle.continue')}
      </button>
    </dialog>
  );
}
