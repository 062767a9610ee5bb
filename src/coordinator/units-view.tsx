import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ROLES, unitName, type CoordinatorAccountInput, type Role, type Unit } from '../domain/units';
import { useHeadingFocus } from '../ui/use-heading-focus';
import { api, messageOf } from './api';
import { ErrorMessage } from './error-message';

const NAME_LANGUAGES = ['fi', 'sv', 'en'] as const;

/** The area administrator's section: the units, and the users with their roles and units. */
export function UnitsView() {
  const { t, i18n } = useTranslation();
  const heading = useHeadingFocus<HTMLHeadingElement>('units');
  const [units, setUnits] = useState<Unit[] | null>(null);
  const [accounts, setAccounts] = useState<CoordinatorAccountInput[] | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    Promise.all([api.adminUnits(), api.coordinators()]).then(
      ([{ units: all }, { coordinators }]) => {
        setUnits(all);
        setAccounts(coordinators);
      },
      (failure: unknown) => setError(messageOf(failure)),
    );
  }, []);
  useEffect(load, [load]);

  const unitForm = useForm<Record<(typeof NAME_LANGUAGES)[number], string>>({ defaultValues: { fi: '', sv: '', en: '' } });
  const addUnit = unitForm.handleSubmit(async (names) => {
    setError(null);
    try {
      const given = Object.fromEntries(Object.entries(names).filter(([, name]) => name.trim() !== ''));
      const added = await api.addUnit(given);
      setStatus(t('units.added', { name: unitName(added.names, i18n.language) }));
      unitForm.reset();
      load();
    } catch (failure) {
      setError(messageOf(failure));
    }
  });

  return (
    <section aria-labelledby="units-heading">
      <h1 id="units-heading" ref={heading} tabIndex={-1}>
        {t('units.heading')}
      </h1>
      <ErrorMessage text={error} />
      <p role="status">{status}</p>
      <h2>{t('units.ofUnits')}</h2>
      {units ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('units.unit')}</th>
              <th scope="col">{t('units.id')}</th>
              <th scope="col">{t('units.names')}</th>
            </tr>
          </thead>
          <tbody>
            {units.map((unit) => (
              <tr key={unit.id}>
                <th scope="row">{unitName(unit.names, i18n.language)}</th>
                <td>{unit.id}</td>
                <td>{Object.entries(unit.names).map(([language, name]) => `${language}: ${name}`).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('app.loading')}</p>
      )}
      <form className="filters" onSubmit={(event) => void addUnit(event)}>
        {NAME_LANGUAGES.map((language) => (
          <label key={language} className="field">
            <span>{t('units.nameIn', { language: t(`downloads.languages.${language}`) })}</span>
            <input {...unitForm.register(language, { required: language === 'fi' })} required={language === 'fi'} maxLength={120} />
          </label>
        ))}
        <button type="submit" className="primary">
          {t('units.add')}
        </button>
      </form>

      <h2>{t('units.coordinators')}</h2>
      {units && accounts ? (
        <>
          {accounts.map((account) => (
            <AccountRow key={account.username} account={account} units={units} onSaved={(username) => setStatus(t('units.saved', { username }))} onError={setError} />
          ))}
          <NewAccount units={units} onAdded={(username) => (setStatus(t('units.coordinatorAdded', { username })), load())} onError={setError} />
        </>
      ) : null}
    </section>
  );
}

/** A role and the units it covers: an area administrator has every unit. */
function RoleAndUnits({ role, setRole, chosen, setChosen, units }: { role: Role; setRole: (role: Role) => void; chosen: string[]; setChosen: (units: string[]) => void; units: Unit[] }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <label className="field">
        <span>{t('units.role')}</span>
        <select value={role} onChange={(event) => setRole(event.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`units.roles.${r}`)}
            </option>
          ))}
        </select>
      </label>
      {role === 'admin' ? (
        <p>{t('units.allUnits')}</p>
      ) : (
        <fieldset className="units">
          <legend>{t('units.ofUnits')}</legend>
          {units.map((unit) => (
            <label key={unit.id} className="check">
              <input
                type="checkbox"
                checked={chosen.includes(unit.id)}
                onChange={(event) => setChosen(event.target.checked ? [...chosen, unit.id] : chosen.filter((u) => u !== unit.id))}
              />{' '}
              {unitName(unit.names, i18n.language)}
            </label>
          ))}
        </fieldset>
      )}
    </>
  );
}

function AccountRow({ account, units, onSaved, onError }: { account: CoordinatorAccountInput; units: Unit[]; onSaved: (username: string) => void; onError: (text: string) => void }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>(account.role);
  const [chosen, setChosen] = useState(account.units);
  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    try {
      await api.setCoordinator({ username: account.username, role, units: chosen });
      onSaved(account.username);
    } catch (failure) {
      onError(messageOf(failure));
    }
  };
  return (
    <form className="filters account" aria-label={account.username} onSubmit={(event) => void save(event)}>
      <p className="account__name">{account.username}</p>
      <RoleAndUnits role={role} setRole={setRole} chosen={chosen} setChosen={setChosen} units={units} />
      <button type="submit">{t('units.save')}</button>
    </form>
  );
}

function NewAccount({ units, onAdded, onError }: { units: Unit[]; onAdded: (username: string) => void; onError: (text: string) => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('coordinator');
  const [chosen, setChosen] = useState<string[]>([]);
  const add = async (event: React.FormEvent) => {
    event.preventDefault();
    try {
      await api.addCoordinator({ username: username.trim(), password, role, units: chosen });
      setUsername('');
      setPassword('');
      onAdded(username.trim());
    } catch (failure) {
      onError(messageOf(failure));
    }
  };
  return (
    <form className="filters" aria-labelledby="new-account-heading" onSubmit={(event) => void add(event)}>
      <h3 id="new-account-heading">{t('units.addCoordinator')}</h3>
      <label className="field">
        <span>{t('units.username')}</span>
        <input value={username} onChange={(event) => setUsername(event.target.value)} required autoComplete="off" maxLength={64} />
      </label>
      <label className="field">
        <span>{t('units.password')}</span>
        <input type="password" value={password} onChange={(event) => setPassword(event.target.value)} required autoComplete="new-password" />
      </label>
      <RoleAndUnits role={role} setRole={setRole} chosen={chosen} setChosen={setChosen} units={units} />
      <button type="submit" className="primary">
        {t('units.addCoordinator')}
      </button>
    </form>
  );
}
