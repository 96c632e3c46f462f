import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageLoading } from '../../components/NotAllowed.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useFormatDateTime } from '../../hooks/useFormat.js';
import { useSignedInMe } from '../../hooks/useMe.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { formatDate } from '../pupils/dates.js';
import { BreakGlassPage } from './case-page/BreakGlassPage.js';
import { buildCaseView, CaseContext, useCaseView, type CaseData, type TaskStatusView } from './case-page/case-context.js';
import { useKindLabel } from './case-page/case-labels.js';
import { EntryBody } from './case-page/EntryBody.js';
import { useCaseQuery } from './case-page/use-case-query.js';
import './case-page/case-page.css';

/** What goes into the paper file: the whole case on paper, with who printed it and when. */
export default function CasePrintPage() {
  const { t } = useTranslation();
  const { caseId = '' } = useParams();
  const { query, breakGlassAvailable, notFound } = useCaseQuery(caseId);
  if (query.data) return <PrintView caseId={caseId} data={query.data} />;
  if (breakGlassAvailable) return <BreakGlassPage caseId={caseId} />;
  if (notFound) return <NotFoundPage />;
  return (
    <div className="page">
      <PageHeading>{t('casePage.print.titleFallback')}</PageHeading>
      {query.isError ? <ErrorAlert error={query.error} /> : <PageLoading />}
    </div>
  );
}

function PrintView({ caseId, data }: { caseId: string; data: CaseData }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const formatDateTime = useFormatDateTime();
  const view = useMemo(() => buildCaseView(caseId, data), [caseId, data]);
  // The moment of printing as the page was opened; printed again later, the page is opened again.
  const [printedAt] = useState(() => new Date().toISOString());
  usePageTitle(t('casePage.print.pageTitle'));
  const c = data.case;
  const step = data.steps.find((s) => s.number === c.step);

  return (
    <CaseContext.Provider value={view}>
      <div className="page case-print" data-testid="case-print">
        <div className="case-print-toolbar no-print">
          <Link to={`/casussen/${encodeURIComponent(caseId)}`} className="button button-secondary">
            {t('casePage.print.back')}
          </Link>
          <button type="button" className="button button-primary" onClick={() => window.print()} data-testid="case-print-button">
            {t('casePage.print.print')}
          </button>
          <p className="muted case-print-hint">{t('casePage.print.hint')}</p>
        </div>

        <header className="case-print-header">
          <p className="case-print-school">{me.school?.name ?? me.board.name}</p>
          <PageHeading testId="case-print-heading">{t('casePage.print.heading', { name: data.pupil.displayName })}</PageHeading>
          <p className="case-print-confidential">{t('casePage.print.confidential')}</p>
        </header>

        <section aria-labelledby="print-facts-title" className="case-print-section">
          <h2 id="print-facts-title" className="case-print-title">
            {t('casePage.print.facts')}
          </h2>
          <dl className="case-print-facts">
            <PrintFact label={t('casePage.print.pupil')} value={data.pupil.displayName} />
            <PrintFact label={t('casePage.print.group')} value={data.pupil.groupName ?? t('casePage.header.noGroup')} />
            {data.pupil.dateOfBirth && <PrintFact label={t('casePage.print.born')} value={formatDate(data.pupil.dateOfBirth)} />}
            <PrintFact label={t('casePage.print.route')} value={t(`casePage.route.${c.route}`)} />
            {c.protocolVersion !== null && <PrintFact label={t('casePage.header.protocol')} value={t('casePage.header.protocolVersion', { version: c.protocolVersion })} />}
            <PrintFact
              label={t('casePage.print.where')}
              value={`${c.route === 'staff' ? t('casePage.header.staffRoute') : step ? t('casePage.steps.title', { number: c.step, title: step.title }) : t('casePage.steps.number', { number: c.step })} · ${t(`casePage.phase.${c.phase}`)}`}
            />
            <PrintFact label={t('casePage.header.casushouder')} value={c.casushouder?.name ?? t('casePage.header.noCasushouder')} />
            <PrintFact label={t('casePage.header.started')} value={t('casePage.header.startedBy', { name: c.startedBy.name, date: formatDateTime(c.startedAt) })} />
          </dl>
        </section>

        <section aria-labelledby="print-team-title" className="case-print-section">
          <h2 id="print-team-title" className="case-print-title">
            {t('casePage.team.title')}
          </h2>
          {data.team.length === 0 ? (
            <p>{t('casePage.team.none')}</p>
          ) : (
            <table className="table table-compact case-print-table">
              <thead>
                <tr>
                  <th scope="col">{t('casePage.print.name')}</th>
                  <th scope="col">{t('casePage.print.teamRole')}</th>
                </tr>
              </thead>
              <tbody>
                {data.team.map((member) => (
                  <tr key={member.userId}>
                    <th scope="row">{member.name}</th>
                    <td>
                      {t(`casePage.teamRoles.${member.teamRole}`)}
                      {member.isCasushouder && ` · ${t('casePage.team.casushouder')}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        {data.breakGlass.length > 0 && (
          <section aria-labelledby="print-break-glass-title" className="case-print-section">
            <h2 id="print-break-glass-title" className="case-print-title">
              {t('casePage.breakGlass.bannerTitle')}
            </h2>
            <ul>
              {data.breakGlass.map((access) => (
                <li key={`${access.user.userId}-${access.openedAt}`}>
                  {access.user.name} · {formatDateTime(access.openedAt)} — {t('casePage.breakGlass.reason', { reason: access.reason })}
                </li>
              ))}
            </ul>
          </section>
        )}

        <section aria-labelledby="print-steps-title" className="case-print-section">
          <h2 id="print-steps-title" className="case-print-title">
            {c.route === 'staff' ? t('casePage.duties.title') : t('casePage.steps.heading')}
          </h2>
          {c.route === 'staff' ? (
            <PrintTasks tasks={data.duties} />
          ) : (
            data.steps.map((s) => (
              <div key={s.id} className="case-print-step">
                <h3 className="case-print-subtitle">{t('casePage.steps.title', { number: s.number, title: s.title })}</h3>
                <PrintTasks tasks={s.tasks} />
              </div>
            ))
          )}
        </section>

        <PrintTimeline />

        <footer className="case-print-footer" data-testid="case-print-footer">
          {t('casePage.print.printedBy', { date: formatDateTime(printedAt), name: me.user.name })}
        </footer>
      </div>
    </CaseContext.Provider>
  );
}

function PrintFact({ label, value }: { label: string; value: string }) {
  return (
    <div className="case-print-fact">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function PrintTasks({ tasks }: { tasks: readonly { id: string; text: string; status: TaskStatusView }[] }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const statusText = (status: TaskStatusView) => {
    switch (status.state) {
      case 'open':
        return t('casePage.status.open');
      case 'recorded':
        return t('casePage.status.recordedCount', { count: status.count });
      case 'done':
      case 'not-applicable':
        return `${t(status.state === 'done' ? 'casePage.status.doneBy' : 'casePage.status.notApplicableBy', { name: status.by.name, date: formatDateTime(status.at) })}${status.note ? ` — ${status.note}` : ''}`;
    }
  };
  return (
    <table className="table table-compact case-print-table case-print-tasks">
      <thead>
        <tr>
          <th scope="col">{t('casePage.print.task')}</th>
          <th scope="col">{t('casePage.print.status')}</th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((task) => (
          <tr key={task.id}>
            <th scope="row">{task.text}</th>
            <td className="notes">{statusText(task.status)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PrintTimeline() {
  const { t } = useTranslation();
  const { data } = useCaseView();
  const kindLabel = useKindLabel();
  const formatDateTime = useFormatDateTime();
  return (
    <section aria-labelledby="print-timeline-title" className="case-print-section">
      <h2 id="print-timeline-title" className="case-print-title">
        {t('casePage.timeline.title')}
      </h2>
      {data.entries.length === 0 && <p>{t('casePage.timeline.empty')}</p>}
      <ol className="case-print-timeline">
        {data.entries.map((entry) => (
          <li key={entry.entryId} className="case-print-entry" data-testid="print-entry">
            <h3 className="case-print-subtitle">
              {kindLabel(entry.kind)} <span className="case-print-meta">{t('casePage.timeline.recorded', { name: entry.firstRecordedBy.name, date: formatDateTime(entry.firstRecordedAt) })}</span>
            </h3>
            {entry.history.length > 0 && (
              <p className="case-entry-correction">
                {t('casePage.timeline.corrected', { name: entry.current.recordedBy.name, date: formatDateTime(entry.current.recordedAt), reason: entry.current.correctionReason ?? '—' })}
              </p>
            )}
            <EntryBody kind={entry.kind} body={entry.current.body} print />
            {[...entry.history].reverse().map((version) => (
              <div key={version.version} className="case-print-version">
                <p className="case-print-meta">
                  {version.correctionReason
                    ? t('casePage.timeline.versionCorrected', { version: version.version, name: version.recordedBy.name, date: formatDateTime(version.recordedAt), reason: version.correctionReason })
                    : t('casePage.timeline.versionFirst', { version: version.version, name: version.recordedBy.name, date: formatDateTime(version.recordedAt) })}
                </p>
                <EntryBody kind={entry.kind} body={version.body} print />
              </div>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
