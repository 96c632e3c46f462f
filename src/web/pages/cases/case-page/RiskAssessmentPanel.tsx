import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../components/Notice.js';
import { formatDate } from '../../pupils/dates.js';
import { useCaseView } from './case-context.js';
import { EntryBody } from './EntryBody.js';
import { RiskAssessmentForm } from './RiskAssessmentForm.js';

/**
 * Step 5's task "schat het risico, aard en ernst van het geweld in" on the case page: the latest
 * assessment, read-only for everyone, and for those who decide the form to record a (new) one.
 * Earlier assessments stay in the timeline.
 */
export function RiskAssessmentPanel() {
  const { t } = useTranslation();
  const { data } = useCaseView();
  const titleId = useId();
  const [formOpen, setFormOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const noticeRef = useRef<HTMLDivElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const assessments = data.entries.filter((entry) => entry.kind === 'risk-assessment');
  const latest = assessments.at(-1) ?? null;
  const mayAssess = data.case.phase !== 'closed' && data.abilities['case.decide'];
  const latestBody = latest && typeof latest.current.body === 'object' && latest.current.body !== null ? (latest.current.body as Record<string, unknown>) : null;
  const latestDate = latestBody && typeof latestBody['assessedOn'] === 'string' ? latestBody['assessedOn'] : (latest?.firstRecordedAt.slice(0, 10) ?? '');

  return (
    <section className="case-panel risk-assessment-panel" aria-labelledby={titleId} data-testid="risk-assessment-panel">
      <h4 id={titleId} className="report-title">
        {t('casePage.riskAssessment.title')}
      </h4>
      <p className="muted">{t('casePage.riskAssessment.intro')}</p>

      {saved && (
        <div ref={noticeRef} tabIndex={-1}>
          <Notice tone="success">{t('casePage.riskAssessment.saved')}</Notice>
        </div>
      )}

      {latest === null ? (
        <p className="muted" data-testid="risk-assessment-none">
          {t('casePage.riskAssessment.none')} {!mayAssess && t('casePage.riskAssessment.noneWaiting')}
        </p>
      ) : (
        <div data-testid="risk-assessment-latest" data-entry-id={latest.entryId}>
          <h5 className="report-item-title">{t('casePage.riskAssessment.latest', { date: formatDate(latestDate) })}</h5>
          <p className="muted">{t('casePage.riskAssessment.assessedBy', { name: latest.current.recordedBy.name })}</p>
          <EntryBody kind="risk-assessment" body={latest.current.body} />
          {assessments.length > 1 && <p className="muted">{t('casePage.riskAssessment.earlier')}</p>}
        </div>
      )}

      {mayAssess &&
        (formOpen ? (
          <RiskAssessmentForm
            idPrefix="risk-assessment"
            onSaved={() => {
              setFormOpen(false);
              setSaved(true);
              window.setTimeout(() => noticeRef.current?.focus(), 0);
            }}
            onCancel={() => {
              setFormOpen(false);
              window.setTimeout(() => openRef.current?.focus(), 0);
            }}
          />
        ) : (
          <div className="button-row">
            <button
              ref={openRef}
              type="button"
              className="button button-secondary"
              onClick={() => {
                setSaved(false);
                setFormOpen(true);
                window.setTimeout(() => document.getElementById('risk-assessment-natures-physical')?.focus(), 0);
              }}
              data-testid="risk-assessment-open"
            >
              {latest === null ? t('casePage.riskAssessment.open') : t('casePage.riskAssessment.openAgain')}
            </button>
          </div>
        ))}
    </section>
  );
}
