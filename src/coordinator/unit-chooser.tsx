import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { unitName } from '../domain/units';
import { useAccount } from './account-context';

/**
 * Which of the user's units a view covers (all by default), and whether to show them side by
 * side. Shown only to a user with more than one unit.
 */
export function UnitChooser({
  chosen,
  onChoose,
  sideBySide,
  onSideBySide,
}: {
  chosen: string[];
  onChoose: (units: string[]) => void;
  sideBySide?: boolean;
  onSideBySide?: (on: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const { units } = useAccount();
  const hint = useId();
  if (units.length <= 1) return null;
  const toggle = (id: string, on: boolean) => onChoose(units.map((u) => u.id).filter((u) => (u === id ? on : chosen.includes(u))));
  return (
    <fieldset className="units">
      <legend>{t('units.chooser')}</legend>
      {units.map((unit) => (
        <label key={unit.id} className="check">
          <input type="checkbox" checked={chosen.includes(unit.id)} onChange={(event) => toggle(unit.id, event.target.checked)} /> {unitName(unit.names, i18n.language)}
        </label>
      ))}
      {onSideBySide && chosen.length > 1 ? (
        <>
          <label className="check">
            <input type="checkbox" checked={sideBySide ?? false} onChange={(event) => onSideBySide(event.target.checked)} aria-describedby={hint} /> {t('units.sideBySide')}
          </label>
          <p id={hint} className="hint">
            {t('units.sideBySideHint')}
          </p>
        </>
      ) : null}
    </fieldset>
  );
}
