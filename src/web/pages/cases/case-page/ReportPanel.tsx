import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../components/Notice.js';
import { formatDate } from '../../pupils/dates.js';
import { useCaseView, type CaseEntryView } from './case-context.js';
import { readReport, readReportFeedback, ReportCheckOutcome, groundLabel, useParentsLine, type ReportFeedbackRecord, type ReportRecord } from './report-entry.js';
import { ReportFeedbackForm } from './ReportFeedbackForm.js';
import { ReportForm } from './ReportForm.js';
import './report.css';

type Feedback = { entry: CaseEntryView; record: ReportFeedbackRecord };
type Report = { entry: CaseEntryView; record: ReportRecord; feedback: Feedback[] };

/** The reports in the order they were made, each with the feedback recorded after it (until the next report). */
function reportsOf(entries: readonly CaseEntryView[]): Report[] {
  const reports: Report[] = [];
  for (const entry of entries) {
    if (entry.kind === 'report') reports.push({ entry, record: readReport(entry.current.body), feedback: [] });
    else if (entry.kind === 'report-feedback') reports.at(-1)?.feedback.push({ entry, record: readReportFeedback(entry.current.body) });
  }
  return reports;
}

/**
 * Step 5's report to Veilig Thuis on the case page: each report made, with what Veilig Thuis said
 * back, and — for the casushouder — the form to record a report, with the procedural check before it.
 */
export function ReportPanel() {
  const { t } = useTranslation();
  const { data } = useCaseView();
  const titleId = useId();
  const [formOpen, setFormOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const reports = reportsOf(data.entries);
  const open = data.case.phase !== 'closed';
  const mayReport = open && data.abilities['case.report'];
  const mayWriteFeedback = open && (data.abilities['case.write'] || data.abilities['case.report']);

  function afterSave(message: string) {
    setFormOpen(false);
    setSaved(message);
    window.setTimeout(() => noticeRef.current?.focus(), 0);
  }

  return (
    <section className="report-panel case-step-panel" aria-labelledby={titleId} data-testid="report-panel">
      <div className="report-header">
        <h4 id={titleId} className="report-title">
          {t('casePage.report.title')}
        </h4>
        <p className="report-intro muted">{t('casePage.report.intro')}</p>
      </div>

      {saved && (
        <div ref={noticeRef} tabIndex={-1} className="report-notice">
          <Notice tone="success">{saved}</Notice>
        </div>
      )}

      {reports.length === 0 ? (
        <p className="report-none muted" data-testid="report-none">
          {t('casePage.report.none')} {!mayReport && t('casePage.report.noneWaiting')}
        </p>
      ) : (
        <ol className="report-list">
          {reports.map((report, index) => (
            <ReportItem
              key={report.entry.entryId}
              report={report}
              latest={index === reports.length - 1}
              mayWriteFeedback={mayWriteFeedback}
              onFeedbackSaved={() => afterSave(t('casePage.report.feedback.saved'))}
            />
          ))}
        </ol>
      )}

      {mayReport &&
        (formOpen ? (
          <div className="report-form-panel">
            <ReportForm
              idPrefix="report"
              onSaved={() => afterSave(t('casePage.report.saved'))}
              onCancel={() => {
                setFormOpen(false);
                window.setTimeout(() => openRef.current?.focus(), 0);
              }}
            />
          </div>
        ) : (
          <div className="report-actions">
            <button
              ref={openRef}
              type="button"
              className={reports.length === 0 ? 'button button-primary' : 'button button-secondary'}
              onClick={() => {
                setSaved(null);
                setFormOpen(true);
                window.setTimeout(() => document.getElementById('report-acute')?.focus(), 0);
              }}
              data-testid="report-open"
            >
              {reports.length === 0 ? t('casePage.report.open') : t('casePage.report.openAgain')}
            </button>
          </div>
        ))}
    </section>
  );
}

function ReportItem({ report, latest, mayWriteFeedback, onFeedbackSaved }: { report: Report; latest: boolean; mayWriteFeedback: boolean; onFeedbackSaved: () => void }) {
  const { t } = useTranslation();
  const parentsLine = useParentsLine();
  const headingId = useId();
  const { record, entry } = report;
  const date = record.reportedOn ? formatDate(record.reportedOn) : formatDate(entry.firstRecordedAt.slice(0, 10));

  return (
    <li className={record.acute ? 'report-item report-item-acute' : 'report-item'} aria-labelledby={headingId} data-testid="report-item" data-entry-id={entry.entryId}>
      <div className="report-item-head">
        <h5 id={headingId} className="report-item-title">
          {t('casePage.report.heading', { date })}
        </h5>
        {record.acute && <span className="report-badge report-badge-acute">{t('casePage.report.acuteBadge')}</span>}
      </div>
      <dl className="report-facts" data-testid="report-facts">
        <Fact label={t('casePage.report.how')}>{record.how ? t(`casePage.report.hows.${record.how}`) : '—'}</Fact>
        <Fact label={t('casePage.report.reference')}>{record.reference ?? <span className="muted">{t('casePage.report.noReference')}</span>}</Fact>
        <Fact label={t('casePage.report.reportedBy')}>{entry.firstRecordedBy.name}</Fact>
        <Fact label={t('casePage.report.anonymity')}>
          {record.anonymityRequested ? (
            <>
              {t('casePage.report.anonymityAsked')}
              {record.anonymityReason && <span className="report-fact-detail">{record.anonymityReason}</span>}
            </>
          ) : (
            t('casePage.report.anonymityNotAsked')
          )}
        </Fact>
        <Fact label={t('casePage.report.parents')} wide>
          {parentsLine(record) ?? '—'}
          {record.parentsInformed === false && record.informExceptionGround && <span className="report-fact-detail">{groundLabel(record.informExceptionGround)}</span>}
        </Fact>
      </dl>

      <details className="case-disclosure report-details" data-testid="report-details">
        <summary>{t('casePage.report.details')}</summary>
        <div className="report-details-body">
          <p className="report-details-label">{t('casePage.report.whatReported')}</p>
          <p className="notes report-details-text">{record.whatReported}</p>
          <p className="report-details-label">{t('casePage.report.checkTitle')}</p>
          <ReportCheckOutcome report={record} />
        </div>
      </details>

      <FeedbackSection report={report} latest={latest} mayWrite={mayWriteFeedback} onSaved={onFeedbackSaved} />
    </li>
  );
}

function Fact({ label, wide = false, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? 'report-fact report-fact-wide' : 'report-fact'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** What Veilig Thuis said back; only the latest report takes new feedback (it is recorded against the latest). */
function FeedbackSection({ report, latest, mayWrite, onSaved }: { report: Report; latest: boolean; mayWrite: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const openRef = useRef<HTMLButtonElement>(null);
  const idPrefix = `report-feedback-${report.entry.entryId}`;
  const none = report.feedback.length === 0;

  return (
    <div className="report-feedback" data-testid="report-feedback">
      <h6 className="report-feedback-title">{t('casePage.report.feedback.title')}</h6>
      {none ? (
        <p className="report-feedback-none" data-testid="report-feedback-none">
          {latest ? (
            <>
              <span className="report-feedback-none-text">{t('casePage.report.feedback.none')}</span>
              <span className="muted"> {t('casePage.report.feedback.noneReminder')}</span>
            </>
          ) : (
            <span className="muted">{t('casePage.report.feedback.noneEarlier')}</span>
          )}
        </p>
      ) : (
        <ul className="report-feedback-list">
          {report.feedback.map(({ entry, record }) => (
            <li key={entry.entryId} className="report-feedback-item" data-testid="report-feedback-item">
              <p className="report-feedback-meta muted">
                {t('casePage.report.feedback.received', {
                  date: record.receivedOn ? formatDate(record.receivedOn) : '—',
                  name: entry.current.recordedBy.name,
                })}
              </p>
              <p className="notes report-feedback-text">{record.feedback}</p>
            </li>
          ))}
        </ul>
      )}
      {latest &&
        mayWrite &&
        (open ? (
          <div className="case-panel report-feedback-panel">
            <ReportFeedbackForm
              idPrefix={idPrefix}
              reportedOn={report.record.reportedOn}
              onSaved={() => {
                setOpen(false);
                onSaved();
              }}
              onCancel={() => {
                setOpen(false);
                window.setTimeout(() => openRef.current?.focus(), 0);
              }}
            />
          </div>
        ) : (
          <button
            ref={openRef}
            type="button"
            className="button button-secondary button-compact report-feedback-open"
            onClick={() => {
              setOpen(true);
              window.setTimeout(() => document.getElementById(`${idPrefix}-receivedOn`)?.focus(), 0);
            }}
            data-testid="report-feedback-open"
          >
            {none ? t('casePage.report.feedback.open') : t('casePage.report.feedback.openMore')}
          </button>
        ))}
    </div>
  );
}
