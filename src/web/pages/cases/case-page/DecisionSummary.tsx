import { useTranslation } from 'react-i18next';
import { useFormatDateTime } from '../../../hooks/useFormat.js';
import { AgreementList } from './AgreementList.js';
import { useCaseView } from './case-context.js';

/** Step 3's decision once taken: which, by whom, why; with "no report now", the monitoring agreements. */
export function DecisionSummary() {
  const { t } = useTranslation();
  const { data } = useCaseView();
  const formatDateTime = useFormatDateTime();
  const entry = [...data.entries].reverse().find((e) => e.kind === 'escalation-decision');
  if (!entry) return null;
  const body = (entry.current.body ?? {}) as { decision?: unknown; reasoning?: unknown };
  const decision = body.decision === 'report-now' ? 'report-now' : 'no-report-now';
  return (
    <div className={`case-decision case-decision-${decision}`} data-testid="decision-summary">
      <p className="case-decision-title">
        <strong>{t(`casePage.decisions.${decision}`)}</strong>{' '}
        <span className="muted">{t('casePage.decision.takenBy', { name: entry.current.recordedBy.name, date: formatDateTime(entry.current.recordedAt) })}</span>
      </p>
      {typeof body.reasoning === 'string' && <p className="notes case-decision-reasoning">{body.reasoning}</p>}
      {decision === 'report-now' ? <p className="muted">{t('casePage.decision.reportNowNote')}</p> : <AgreementList purpose="monitoring" />}
    </div>
  );
}
