import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ApiError } from './api/client.js';
import { AppLayout } from './layout/AppLayout.js';
import { AuthLayout } from './layout/AuthLayout.js';
import { AccountLinkPage } from './pages/AccountLinkPage.js';
import { CodePage } from './pages/CodePage.js';
import { EnrolPage } from './pages/EnrolPage.js';
import { HomePage } from './pages/HomePage.js';
import { LoginPage } from './pages/LoginPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { SetupPage } from './pages/SetupPage.js';

// The administration pages are for a few people: their code loads when one of them opens it.
const StaffPage = lazy(() => import('./pages/admin/StaffPage.js'));
const GroupsPage = lazy(() => import('./pages/admin/GroupsPage.js'));
const SchoolSettingsPage = lazy(() => import('./pages/admin/SchoolSettingsPage.js'));
const IdentityProvidersPage = lazy(() => import('./pages/admin/IdentityProvidersPage.js'));
// The pupil pages: loaded on first use, so that the sign-in pages stay small.
const PupilSearchPage = lazy(() => import('./pages/pupils/PupilSearchPage.js'));
const NewPupilPage = lazy(() => import('./pages/pupils/NewPupilPage.js'));
const PupilPage = lazy(() => import('./pages/pupils/PupilPage.js'));
const StartOfYearTalksPage = lazy(() => import('./pages/pupils/StartOfYearTalksPage.js'));
const PupilImportPage = lazy(() => import('./pages/pupils/ImportPage.js'));
// The school's route (stappenplan): read by every member of staff, adapted by the IB'er and directie.
const ProtocolPage = lazy(() => import('./pages/protocol/ProtocolPage.js'));
// Cases: raising a concern about a pupil, and the lists of cases.
const NewCasePage = lazy(() => import('./pages/cases/NewCasePage.js'));
const CaseListPage = lazy(() => import('./pages/cases/CaseListPage.js'));
const NotificationsPage = lazy(() => import('./pages/NotificationsPage.js'));
// Retention (bewaartermijnen): for the IB'er and directie.
const RetentionPage = lazy(() => import('./pages/retention/RetentionPage.js'));
// Cijfers meldcode: the school's figures (IB'er, directie) and the board's across its schools.
const StatisticsPage = lazy(() => import('./pages/statistics/StatisticsPage.js'));
// The case page and its print view: loaded when a case is opened.
const CasePage = lazy(() => import('./pages/cases/CasePage.js'));
const CasePrintPage = lazy(() => import('./pages/cases/CasePrintPage.js'));
const AccessRequestsPage = lazy(() => import('./pages/access-requests/AccessRequestsPage.js'));
const AccessRequestPage = lazy(() => import('./pages/access-requests/AccessRequestPage.js'));
const AccessRequestOverviewPage = lazy(() => import('./pages/access-requests/AccessRequestOverviewPage.js'));
const VerifyPdfPage = lazy(() => import('./pages/exports/VerifyPdfPage.js'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Only a failure that may pass (no connection, a server error) is worth a second try.
      retry: (failureCount, error) =>
        failureCount < 2 && error instanceof ApiError && (error.status === 0 || error.status >= 500),
    },
    mutations: { retry: false },
  },
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Routes>
          <Route element={<AuthLayout />}>
            <Route path="/setup" element={<SetupPage />} />
            <Route path="/login" element={<LoginPage />} />
            <Route path="/login/enrol" element={<EnrolPage />} />
            <Route path="/login/code" element={<CodePage />} />
            <Route path="/uitnodiging" element={<AccountLinkPage kind="invitation" />} />
            <Route path="/wachtwoord-instellen" element={<AccountLinkPage kind="password-reset" />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
          <Route element={<AppLayout />}>
            <Route index element={<HomePage />} />
            <Route path="/beheer/medewerkers" element={<StaffPage />} />
            <Route path="/beheer/groepen" element={<GroupsPage />} />
            <Route path="/school" element={<SchoolSettingsPage />} />
            <Route path="/beheer/aanmelden" element={<IdentityProvidersPage />} />
            <Route path="/leerlingen" element={<PupilSearchPage />} />
            <Route path="/leerlingen/nieuw" element={<NewPupilPage />} />
            <Route path="/leerlingen/importeren" element={<PupilImportPage />} />
            <Route path="/leerlingen/:pupilId" element={<PupilPage />} />
            <Route path="/leerlingen/:pupilId/casus-starten" element={<NewCasePage />} />
            <Route path="/casussen" element={<CaseListPage />} />
            <Route path="/casussen/:caseId" element={<CasePage />} />
            <Route path="/casussen/:caseId/afdrukken" element={<CasePrintPage />} />
            <Route path="/leerlingen/:pupilId/inzageverzoeken" element={<AccessRequestsPage />} />
            <Route path="/inzageverzoeken/:requestId" element={<AccessRequestPage />} />
            <Route path="/inzageverzoeken/:requestId/overzicht" element={<AccessRequestOverviewPage />} />
            <Route path="/startgesprekken" element={<StartOfYearTalksPage />} />
            <Route path="/stappenplan" element={<ProtocolPage />} />
            <Route path="/berichten" element={<NotificationsPage />} />
            <Route path="/bewaartermijnen" element={<RetentionPage />} />
            <Route path="/pdf-controleren" element={<VerifyPdfPage />} />
            <Route path="/cijfers" element={<StatisticsPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
