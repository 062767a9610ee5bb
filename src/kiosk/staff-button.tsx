import { useTranslation } from 'react-i18next';

/** The way to the staff menu: discreet on purpose, as visitors have no use for it and a PIN guards what is behind it. */
export function StaffButton({ onStaff }: { onStaff: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button button--quiet staff-button" aria-label={t('staff.openMenu')} onClick={onStaff}>
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="button__icon">
        <path
          fill="currentColor"
          d="M19.4 13a7.5 7.5 0 0 0 0-2l2.1-1.6-2-3.4-2.5 1a7.6 7.6 0 0 0-1.7-1l-.4-2.7h-4l-.4 2.7a7.6 7.6 0 0 0-1.7 1l-2.5-1-2 3.4L4.6 11a7.5 7.5 0 0 0 0 2l-2.1 1.6 2 3.4 2.5-1a7.6 7.6 0 0 0 1.7 1l.4 2.7h4l.4-2.7a7.6 7.6 0 0 0 1.7-1l2.5 1 2-3.4zM12 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7z"
        />
      </svg>
    </button>
  );
}
