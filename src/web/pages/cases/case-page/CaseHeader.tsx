import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../../components/PageHeading.js';
import { useCaseView } from './case-context.js';
import { useFormatDate } from './case-labels.js';

/** Who the case is about, where it stands, who holds it, and under which version of the route it runs. */
export function CaseHeader() {
  const { t } = useTranslation();
  const { data, caseId } = useCaseView();
  const formatDate = useFormatDate();
  const c = data.case;
  const step = data.steps.find((s) => s.number === c.step);

  return (
    <header className="case-header" data-testid="case-header">
      <div className="case-header-top">
        <div className="case-header-title">
          <p className="case-eyebrow">
            {t('casePage.header.eyebrow')} · <span data-testid="case-route">{t(`casePage.route.${c.route}`)}</span>
          </p>
          <PageHeading testId="case-heading">{data.pupil.displayName}</PageHeading>
        </div>
        <Link to={`/casussen/${encodeURIComponent(caseId)}/afdrukken`} className="button button-secondary button-compact no-print" data-testid="case-print-link">
          {t('casePage.header.printLink')}
        </Link>
      </div>
      <p className="case-where">
        <span className="case-group">{data.pupil.groupName ?? t('casePage.header.noGroup')}</span>
        <span className="case-where-sep" aria-hidden="true">
          ·
        </span>
        <span className="case-where-step" data-testid="case-step-now">
          {c.route === 'staff' ? t('casePage.header.staffRoute') : step ? t('casePage.steps.title', { number: c.step, title: step.title }) : t('casePage.steps.number', { number: c.step })}
        </span>{' '}
        <span className={`case-phase case-phase-${c.phase}`} data-testid="case-phase">
          {t(`casePage.phase.${c.phase}`)}
        </span>
      </p>
      <dl className="case-facts" data-testid="case-facts">
        <div className="case-fact">
          <dt>{t('casePage.header.casushouder')}</dt>
          <dd data-testid="case-casushouder">{c.casushouder?.name ?? <span className="case-fact-none">{t('casePage.header.noCasushouder')}</span>}</dd>
        </div>
        <div className="case-fact">
          <dt>{t('casePage.header.started')}</dt>
          <dd>{t('casePage.header.startedBy', { name: c.startedBy.name, date: formatDate(c.startedAt) })}</dd>
        </div>
        {c.protocolVersion !== null && (
          <div className="case-fact">
            <dt>{t('casePage.header.protocol')}</dt>
            <dd data-testid="case-protocol">
              {t('casePage.header.protocolVersion', { version: c.protocolVersion })}
              {c.newerProtocolVersion !== null && <span className="case-fact-note">{t('casePage.header.newerVersion', { version: c.newerProtocolVersion })}</span>}
            </dd>
          </div>
        )}
      </dl>
    </header>
  );
}
