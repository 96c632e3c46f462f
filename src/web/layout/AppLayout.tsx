import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet } from 'react-router';
import type { MeResponse } from '../../contract/auth.js';
import { isUnauthorized } from '../api/client.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { PageLoading } from '../components/NotAllowed.js';
import { PageHeading } from '../components/PageHeading.js';
import { ConfirmProvider } from '../dialogs/ConfirmProvider.js';
import { ElevationProvider } from '../dialogs/ElevationProvider.js';
import { useMe } from '../hooks/useMe.js';
import { VERIFY_PDF_PATH } from '../pages/exports/paths.js';
import { usePageTitle } from '../hooks/usePageTitle.js';
import { mayStartCases } from '../pages/cases/case-links.js';
import type { NoticeState } from '../routing/notices.js';
import { AppHeader } from './AppHeader.js';
import { AuthFrame } from './AuthLayout.js';
import { SafetyBox } from './SafetyBox.js';

/**
 * The frame of every page for a signed-in person: header, menu and safety box beside the content.
 * Without a (complete) session the person goes to the sign-in page.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();

  if (me.isError && isUnauthorized(me.error)) {
    // A session that ends while in use (idle or absolute timeout) is worth a word; a first visit is not.
    const state: NoticeState = me.data === undefined ? {} : { notice: 'restart' };
    return <Navigate to="/login" replace state={state} />;
  }
  if (me.data === undefined) {
    return me.isError ? <LoadFailed error={me.error} onRetry={() => void me.refetch()} /> : <Loading />;
  }

  return (
    <ConfirmProvider>
      <ElevationProvider>
        <div className="shell">
          <a href="#main" className="skip-link">
            {t('app.skipToContent')}
          </a>
          <AppHeader me={me.data} />
          <div className="shell-body">
            <div className="shell-side">
              <MainNav me={me.data} />
              <SafetyBox canReadSchoolSettings={me.data.abilities['school.settings.read']} />
            </div>
            <main id="main" tabIndex={-1} className="shell-main">
              <Suspense fallback={<PageLoading />}>
                <Outlet context={me.data} />
              </Suspense>
            </main>
          </div>
        </div>
      </ElevationProvider>
    </ConfirmProvider>
  );
}

/** The menu: what the access policy says this person may open at this school, nothing more. */
function MainNav({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  const items = [
    { to: '/', label: t('shell.navHome'), show: true, end: true },
    { to: '/leerlingen', label: t('shell.navPupils'), show: me.school !== null, end: false },
    { to: '/casussen', label: t('cases.nav'), show: (me.school !== null && mayStartCases(me.roles)) || me.abilities['case.list'] || me.abilities['case.list.board'], end: false },
    { to: '/startgesprekken', label: t('shell.navTalks'), show: me.abilities['preventive.overview'], end: false },
    // Every member of staff of the school reads its route (the policy's protocol.read).
    { to: '/stappenplan', label: t('protocol.nav'), show: me.school !== null, end: false },
    { to: '/bewaartermijnen', label: t('retention.nav'), show: me.abilities['retention.overview'], end: false },
    { to: '/cijfers', label: t('statistics.nav'), show: me.abilities['statistics.school'] || me.abilities['statistics.board'], end: false },
    { to: VERIFY_PDF_PATH, label: t('dossierExport.verifyLink'), show: me.abilities['case.export.verify'], end: false },
    { to: '/beheer/medewerkers', label: t('shell.navStaff'), show: me.abilities['staff.list'], end: false },
    { to: '/beheer/groepen', label: t('shell.navGroups'), show: me.abilities['groups.list'], end: false },
    { to: '/leerlingen/importeren', label: t('shell.navPupilImport'), show: me.abilities['pupils.import'], end: false },
    { to: '/school', label: t('shell.navSchool'), show: me.abilities['school.settings.read'], end: false },
    { to: '/beheer/aanmelden', label: t('shell.navSso'), show: me.abilities['sso.providers.manage'], end: false },
  ];
  return (
    <nav aria-label={t('shell.navLabel')} className="main-nav">
      <ul>
        {items
          .filter((item) => item.show)
          .map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.end} className="main-nav-link">
                {item.label}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}

function Loading() {
  const { t } = useTranslation();
  return (
    <AuthFrame>
      <p role="status" className="loading">
        {t('app.loading')}
      </p>
    </AuthFrame>
  );
}

function LoadFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  usePageTitle(t('errors.loadFailedTitle'));
  return (
    <AuthFrame>
      <PageHeading>{t('errors.loadFailedTitle')}</PageHeading>
      <ErrorAlert error={error} />
      <button type="button" className="button button-primary" onClick={onRetry}>
        {t('errors.retry')}
      </button>
    </AuthFrame>
  );
}
