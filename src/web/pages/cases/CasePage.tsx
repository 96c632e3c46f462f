import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageLoading } from '../../components/NotAllowed.js';
import { Notice } from '../../components/Notice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';
import { noticeOf } from '../../routing/notices.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { CaseRetentionPanel } from '../retention/CaseRetentionPanel.js';
import { AccessLogForOversight, AccessLogPanel } from './case-page/AccessLogPanel.js';
import { BreakGlassBanner } from './case-page/BreakGlassBanner.js';
import { BreakGlassPage } from './case-page/BreakGlassPage.js';
import { buildCaseView, CaseContext, type CaseData } from './case-page/case-context.js';
import { CaseHeader } from './case-page/CaseHeader.js';
import { ClosePanel } from './case-page/ClosePanel.js';
import { ExportPdfPanel } from './case-page/ExportPdfPanel.js';
import { SafetyBand } from './case-page/SafetyBand.js';
import { StepSection } from './case-page/StepSection.js';
import { TaskItem } from './case-page/TaskItem.js';
import { Timeline } from './case-page/Timeline.js';
import { useCaseQuery } from './case-page/use-case-query.js';
import './case-page/case-page.css';

/** The case page at /casussen/:caseId. */
export default function CasePage() {
  const { caseId = '' } = useParams();
  // A new key per case: moving to another case starts with that case's own open panels.
  return <CasePageContent key={caseId} caseId={caseId} />;
}

function CasePageContent({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { query, breakGlassAvailable, notFound } = useCaseQuery(caseId);
  if (query.data) return <CaseScreen caseId={caseId} data={query.data} />;
  if (breakGlassAvailable)
    return (
      <>
        <BreakGlassPage caseId={caseId} />
        <AccessLogForOversight caseId={caseId} />
      </>
    );
  if (notFound) return <NotFoundPage />;
  return (
    <div className="page">
      <PageHeading>{t('casePage.titleFallback')}</PageHeading>
      {query.isError ? <ErrorAlert error={query.error} /> : <PageLoading />}
    </div>
  );
}

function CaseScreen({ caseId, data }: { caseId: string; data: CaseData }) {
  const { t } = useTranslation();
  const location = useLocation();
  const view = useMemo(() => buildCaseView(caseId, data), [caseId, data]);
  // The title goes into the browser's history, on a shared school computer too: no pupil name.
  usePageTitle(t('casePage.pageTitle'));
  const started = noticeOf(location.state) === 'case-started';

  return (
    <CaseContext.Provider value={view}>
      <div className="page case-page" data-testid="case-page">
        <CaseHeader />
        <SafetyBand />
        {started && <Notice tone="success">{t('cases.startedNotice')}</Notice>}
        <BreakGlassBanner />
        {data.case.phase === 'closed' && <ClosePanel />}
        {data.case.route === 'staff' ? (
          <section className="card case-steps" aria-labelledby="duties-title" data-testid="case-duties">
            <h2 id="duties-title" className="section-title">
              {t('casePage.duties.title')}
            </h2>
            <p className="muted">{t('casePage.duties.intro')}</p>
            <ul className="case-tasks">
              {data.duties.map((duty) => (
                <TaskItem key={duty.id} task={duty} actionable={data.case.phase !== 'closed'} />
              ))}
            </ul>
          </section>
        ) : (
          <section className="case-steps" aria-labelledby="steps-title" data-testid="case-steps">
            <h2 id="steps-title" className="section-title case-steps-title">
              {t('casePage.steps.heading')}
            </h2>
            {data.steps.map((step) => (
              <StepSection key={step.id} step={step} />
            ))}
          </section>
        )}
        <Timeline />
        {/* Closing follows the timeline: its form's heading sits below the timeline's entries. */}
        {data.case.phase !== 'closed' && <ClosePanel />}
        {data.abilities['case.export'] && <ExportPdfPanel caseId={caseId} />}
        {data.abilities['case.access-log'] && <AccessLogPanel caseId={caseId} />}
        <CaseRetentionPanel caseId={caseId} />
      </div>
    </CaseContext.Provider>
  );
}
