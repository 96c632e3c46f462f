import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HomeDueItem } from '../../../contract/home.js';
import { casePath, useCaseDate } from '../cases/case-summary.js';
import { HomeCard } from './HomeCard.js';

/**
 * What falls due: overdue first (marked in words, not only colour), then by date. On the school-wide
 * list each item says whose it is.
 */
export function DueList({ title, items, testId, withOwner, today }: { title: string; items: readonly HomeDueItem[]; testId: string; withOwner: boolean; today: string }) {
  const { t } = useTranslation();
  const dateOf = useCaseDate();
  return (
    <HomeCard title={title} testId={testId}>
      {items.length === 0 ? (
        <p className="muted">{t('homePage.nothingDue')}</p>
      ) : (
        <ul className="plain-list due-list">
          {items.map((item) => (
            <li key={`${item.caseId}-${item.kind}-${item.dueOn}`} className={item.overdue ? 'due-item due-item-overdue' : 'due-item'} data-testid="due-item" data-kind={item.kind}>
              <span className="due-item-when">
                {item.overdue ? (
                  <span className="badge badge-late">{t('homePage.overdue')}</span>
                ) : (
                  <span className="badge badge-todo">{item.dueOn === today ? t('homePage.dueToday') : t('homePage.due')}</span>
                )}
                <time dateTime={item.dueOn}>{dateOf(`${item.dueOn}T12:00:00Z`)}</time>
              </span>
              <span className="due-item-what">
                <Link to={casePath(item.caseId)} className="case-link">
                  {t(`homePage.dueKinds.${item.kind}`)}
                </Link>
                <span className="muted">
                  {item.groupName ? t('homePage.pupilInGroup', { name: item.pupilName, group: item.groupName }) : item.pupilName}
                  {withOwner && item.ownerName && ` · ${item.ownerName}`}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </HomeCard>
  );
}
