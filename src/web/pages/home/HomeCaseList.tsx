import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../contract/cases.js';
import { CaseLink, PhaseBadge, useCaseDate, useCaseStep } from '../cases/case-summary.js';
import { HomeCard } from './HomeCard.js';

/** How many cases a home list shows; the rest are on the cases page. */
const SHOWN = 8;

/** A short list of cases on the home page (pupil, group, step, phase, last change), when there are any. */
export function HomeCaseList({ title, cases, testId, emptyText, moreTo = '/casussen' }: { title: string; cases: readonly CaseSummary[]; testId: string; emptyText?: string; moreTo?: string }) {
  const { t } = useTranslation();
  const stepOf = useCaseStep();
  const dateOf = useCaseDate();
  if (cases.length === 0 && !emptyText) return null;
  return (
    <HomeCard title={title} testId={testId} {...(cases.length > SHOWN ? { link: { to: moreTo, label: t('homePage.allCases', { count: cases.length }) } } : {})}>
      {cases.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <ul className="plain-list home-case-list">
          {cases.slice(0, SHOWN).map((summary) => (
            <li key={summary.id} className="home-case">
              <CaseLink summary={summary} />
              <span className="home-case-meta">
                {summary.route === 'meldcode' && <span>{summary.pupil.groupName ?? t('pupils.noGroup')}</span>}
                <span>{stepOf(summary)}</span>
                <PhaseBadge phase={summary.phase} />
                <span className="muted">{dateOf(summary.updatedAt)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </HomeCard>
  );
}
