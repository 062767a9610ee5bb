import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { coordinatorLanguageName, coordinatorLanguages } from '../i18n/coordinator-setup';
import type { CoordinatorSession } from '../domain/coordinator-api';
import type { Role } from '../domain/units';
import { AccountContext } from './account-context';
import { api, whenSignedOut } from './api';
import { AccountView } from './account-view';
import { AuditView } from './audit-view';
import { DayLogView } from './day-log-view';
import { DownloadsView } from './downloads-view';
import { FormsView } from './forms-view';
import { HoursView } from './hours-view';
import { NoticesView } from './notices-view';
import { KiosksView } from './kiosks-view';
import { SignIn } from './sign-in';
import { UnitsView } from './units-view';
import { WarningsPanel } from './warnings-panel';

// The charts library comes with the dashboard, fetched when it is first shown.
const DashboardView = lazy(() => import('./dashboard-view'));
const ReportView = lazy(() => import('./report-view'));
import { useView, viewPath, VIEWS, type View } from './use-view';

const NAV_KEYS: Record<View, string> = {
  dashboard: 'nav.dashboard',
  report: 'nav.report',
  'day-log': 'nav.dayLog',
  downloads: 'nav.downloads',
  forms: 'nav.forms',
  notices: 'nav.notices',
  hours: 'nav.hours',
  kiosks: 'nav.kiosks',
  audit: 'nav.audit',
  units: 'nav.units',
  account: 'nav.account',
};

/** The sections each role has (the server refuses the rest whatever the page shows). */
const ROLE_VIEWS: Record<Role, readonly View[]> = {
  admin: VIEWS,
  coordinator: VIEWS.filter((view) => view !== 'units'),
  // The report holds no free text and no age group: a viewer may read and print it.
  viewer: ['dashboard', 'report', 'downloads', 'account'],
};

type SessionState = { kind: 'checking' } | { kind: 'signed-out'; ended: boolean } | { kind: 'signed-in'; account: CoordinatorSession };

export function CoordinatorApp() {
  const { t } = useTranslation();
  const [session, setSession] = useState<SessionState>({ kind: 'checking' });
  const [view, go] = useView();

  useEffect(() => {
    whenSignedOut(() => setSession({ kind: 'signed-out', ended: true }));
    api.whoAmI().then(
      ({ username }) =>
        username === null
          ? setSession({ kind: 'signed-out', ended: false })
          : api.session().then(
              (account) => setSession({ kind: 'signed-in', account }),
              () => setSession({ kind: 'signed-out', ended: false }),
            ),
      () => setSession({ kind: 'signed-out', ended: false }),
    );
  }, []);

  useEffect(() => {
    document.title = t('app.title');
  });

  if (session.kind === 'checking') return <p className="loading">{t('app.loading')}</p>;
  if (session.kind === 'signed-out') {
    return (
      <>
        <Header />
        <SignIn ended={session.ended} onSignedIn={(account) => setSession({ kind: 'signed-in', account })} />
      </>
    );
  }

  const signOut = () => {
    api.signOut().finally(() => setSession({ kind: 'signed-out', ended: false }));
  };
  const { account } = session;
  const views = ROLE_VIEWS[account.role];
  const shown = views.includes(view) ? view : views[0]!;
  return (
    <AccountContext.Provider value={account}>
      <Header>
        <span>{t('app.signedInAs', { username: account.username })}</span>
        <button type="button" onClick={signOut}>
          {t('app.signOut')}
        </button>
      </Header>
      <nav aria-label={t('app.nav')} className="sections">
        <ul>
          {views.map((name) => (
            <li key={name}>
              <a
                href={viewPath(name)}
                aria-current={shown === name ? 'page' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  go(name);
                }}
              >
                {t(NAV_KEYS[name])}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main>
        {account.role !== 'viewer' && <WarningsPanel section={shown} />}
        {shown === 'dashboard' && (
          <Suspense fallback={<p>{t('app.loading')}</p>}>
            <DashboardView />
          </Suspense>
        )}
        {shown === 'report' && (
          <Suspense fallback={<p>{t('app.loading')}</p>}>
            <ReportView />
          </Suspense>
        )}
        {shown === 'day-log' && <DayLogView />}
        {shown === 'downloads' && <DownloadsView />}
        {shown === 'forms' && <FormsView />}
        {shown === 'notices' && <NoticesView />}
        {shown === 'hours' && <HoursView />}
        {shown === 'kiosks' && <KiosksView />}
        {shown === 'audit' && <AuditView />}
        {shown === 'units' && <UnitsView />}
        {shown === 'account' && <AccountView />}
      </main>
    </AccountContext.Provider>
  );
}

function Header({ children }: { children?: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <header className="top">
      <p className="top__title">{t('app.title')}</p>
      <div className="top__tools">
        <label>
          {t('app.language')}{' '}
          <select value={i18n.language} onChange={(event) => void i18n.changeLanguage(event.target.value)}>
            {coordinatorLanguages.map((code) => (
              <option key={code} value={code} lang={code}>
                {coordinatorLanguageName(code)}
              </option>
            ))}
          </select>
        </label>
        {children}
      </div>
    </header>
  );
}
