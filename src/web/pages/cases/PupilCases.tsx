import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getPupilCases } from '../../api/cases.js';
import { queryKeys } from '../../api/query-keys.js';
import type { PupilLinkState } from '../pupils/pupil-link-state.js';
import { newCasePath } from './case-links.js';
import { casePath, PhaseBadge, useCaseDate, useCaseStep } from './case-summary.js';

/**
 * On the pupil page: "Zorg melden" for whoever may start a case, and the cases about this pupil
 * the viewer may open (only when there are any; never the staff route's).
 */
export function PupilCases({ pupil, canStart }: { pupil: { id: string; displayName: string; groupName: string | null }; canStart: boolean }) {
  const { t } = useTranslation();
  const stepOf = useCaseStep();
  const dateOf = useCaseDate();
  const cases = useQuery({ queryKey: queryKeys.pupilCases(pupil.id), queryFn: () => getPupilCases(pupil.id), retry: false, staleTime: 0 });
  const list = cases.data?.cases ?? [];

  return (
    <>
      {canStart && (
        <div className="button-row pupil-case-start">
          <Link
            to={newCasePath(pupil.id)}
            state={{ pupil: { displayName: pupil.displayName, groupName: pupil.groupName } } satisfies PupilLinkState}
            className="button button-primary"
            data-testid="case-start"
          >
            {t('cases.start')}
          </Link>
        </div>
      )}
      {list.length > 0 && (
        <section className="card" aria-labelledby="pupil-cases-title" data-testid="pupil-cases">
          <h2 id="pupil-cases-title" className="section-title">
            {t('cases.pupil.title')}
          </h2>
          <ul className="plain-list pupil-case-list">
            {list.map((summary) => (
              <li key={summary.id} className="pupil-case">
                <Link to={casePath(summary.id)} data-testid="pupil-case-link">
                  {t('cases.pupil.startedOn', { date: dateOf(summary.startedAt) })}
                </Link>
                <span className="pupil-case-meta">
                  <span>{stepOf(summary)}</span>
                  <PhaseBadge phase={summary.phase} />
                  {summary.casushouderName && (
                    <span className="muted">
                      {t('cases.list.col.casushouder')}: {summary.casushouderName}
                    </span>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
