import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getMyCases } from '../../api/cases.js';
import { queryKeys } from '../../api/query-keys.js';
import { CaseLink, PhaseBadge, useCaseDate, useCaseStep } from './case-summary.js';

/** How many of one's cases the start page lists; the rest are on the cases page. */
const SHOWN = 5;

/** On the start page: one's open cases in short, only when there are any. */
export function MyCasesBlock() {
  const { t } = useTranslation();
  const stepOf = useCaseStep();
  const dateOf = useCaseDate();
  const mine = useQuery({ queryKey: queryKeys.myCases, queryFn: getMyCases, retry: false });
  const cases = (mine.data?.cases ?? []).filter((c) => c.phase !== 'closed');
  if (cases.length === 0) return null;

  return (
    <section className="card" aria-labelledby="home-cases-title" data-testid="home-cases">
      <div className="section-title-row">
        <h2 id="home-cases-title" className="section-title">
          {t('cases.home.title')}
        </h2>
        <Link to="/casussen" className="button button-secondary button-compact">
          {t('cases.home.more')}
        </Link>
      </div>
      <ul className="plain-list home-case-list">
        {cases.slice(0, SHOWN).map((summary) => (
          <li key={summary.id} className="home-case">
            <CaseLink summary={summary} />
            <span className="home-case-meta">
              <span>{summary.pupil.groupName ?? t('pupils.noGroup')}</span>
              <span>{stepOf(summary)}</span>
              <PhaseBadge phase={summary.phase} />
              <span className="muted">{dateOf(summary.updatedAt)}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
