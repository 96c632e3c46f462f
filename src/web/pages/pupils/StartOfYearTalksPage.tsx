import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PreventiveOverviewResponse } from '../../../contract/pupils.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { NotAllowed, PageLoading } from '../../components/NotAllowed.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useSignedInMe } from '../../hooks/useMe.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';
import { usePreventiveOverview } from '../../hooks/usePreventiveOverview.js';
import { formatDate } from './dates.js';
import type { PupilLinkState } from './pupil-link-state.js';

type Group = PreventiveOverviewResponse['groups'][number];

/** "Ken je leerlingen": at a glance, with whose parents this year's start-of-year talk is still to come. */
export default function StartOfYearTalksPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  // The overview is for the teachers, the IB'er and directie: /api/auth/me says whether it is for this person.
  const allowed = me.abilities['preventive.overview'];
  const overview = usePreventiveOverview(allowed);
  usePageTitle(overview.data ? t('pupils.talks.titleYear', { year: overview.data.schoolYear }) : t('pupils.talks.title'));

  if (!allowed) {
    return <NotAllowed title={t('pupils.talks.title')} />;
  }
  return (
    <div className="page">
      <PageHeading>{overview.data ? t('pupils.talks.titleYear', { year: overview.data.schoolYear }) : t('pupils.talks.title')}</PageHeading>
      <p className="lead">{t('pupils.talks.intro')}</p>
      {overview.isPending && <PageLoading />}
      {overview.isError && overview.data === undefined && <ErrorAlert error={overview.error} />}
      {overview.data && <Overview data={overview.data} />}
    </div>
  );
}

function Overview({ data }: { data: PreventiveOverviewResponse }) {
  const { t } = useTranslation();
  const [onlyToDo, setOnlyToDo] = useState(false);
  const done = data.groups.reduce((sum, group) => sum + group.done, 0);
  const total = data.groups.reduce((sum, group) => sum + group.done + group.toDo, 0);

  if (data.groups.length === 0) return <p className="card">{t('pupils.talks.none')}</p>;

  return (
    <>
      <div className="talks-toolbar">
        <p className="talks-total" data-testid="talks-total">
          {t('pupils.talks.total', { done, total })}
        </p>
        <div className="checkbox">
          <input id="talks-only-to-do" type="checkbox" className="checkbox-input" checked={onlyToDo} onChange={(event) => setOnlyToDo(event.target.checked)} />
          <label htmlFor="talks-only-to-do" className="checkbox-label">
            {t('pupils.talks.onlyToDo')}
          </label>
        </div>
      </div>
      {data.groups.length > 2 && <Summary groups={data.groups} />}
      <div className="talk-groups">
        {data.groups.map((group) => (
          <GroupCard key={group.groupId ?? 'none'} group={group} onlyToDo={onlyToDo} />
        ))}
      </div>
    </>
  );
}

function groupAnchor(group: Group): string {
  return `talk-group-${group.groupId ?? 'none'}`;
}

/** For the whole school: every group in one table, each linking to its list below. */
function Summary({ groups }: { groups: Group[] }) {
  const { t } = useTranslation();
  return (
    <section className="card card-flush talks-summary" aria-labelledby="talks-summary-title">
      <h2 id="talks-summary-title" className="section-title card-flush-title">
        {t('pupils.talks.summaryTitle')}
      </h2>
      <div className="table-scroll">
        <table className="table" data-testid="talks-summary">
          <thead>
            <tr>
              <th scope="col">{t('pupils.talks.col.group')}</th>
              <th scope="col">{t('pupils.talks.col.done')}</th>
              <th scope="col">{t('pupils.talks.col.toDo')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => {
              const total = group.done + group.toDo;
              return (
                <tr key={group.groupId ?? 'none'}>
                  <th scope="row">
                    <a href={`#${groupAnchor(group)}`}>{group.groupName ?? t('pupils.talks.noGroup')}</a>
                  </th>
                  <td>
                    {t('pupils.talks.progress', { done: group.done, total })}
                    <div className="talk-progress" aria-hidden="true">
                      <div className="talk-progress-bar" style={{ width: `${total === 0 ? 0 : Math.round((group.done / total) * 100)}%` }} />
                    </div>
                  </td>
                  <td>{group.toDo}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function GroupCard({ group, onlyToDo }: { group: Group; onlyToDo: boolean }) {
  const { t } = useTranslation();
  const total = group.done + group.toDo;
  const name = group.groupName ?? t('pupils.talks.noGroup');
  const anchor = groupAnchor(group);
  const titleId = `${anchor}-title`;
  const shown = onlyToDo ? group.pupils.filter((pupil) => pupil.heldOn === null) : group.pupils;
  const percent = total === 0 ? 0 : Math.round((group.done / total) * 100);

  return (
    <section id={anchor} className="card talk-group" aria-labelledby={titleId} data-testid="talk-group" data-name={name}>
      <h2 id={titleId} className="talk-group-title">
        {name}
      </h2>
      <p className="talk-progress-text" data-testid="talk-progress">
        {t('pupils.talks.progress', { done: group.done, total })}
      </p>
      <div className="talk-progress" aria-hidden="true">
        <div className="talk-progress-bar" style={{ width: `${percent}%` }} />
      </div>
      {shown.length === 0 ? (
        <p className="muted talk-all-done">{onlyToDo ? t('pupils.talks.allDone') : t('pupils.talks.noPupils')}</p>
      ) : (
        <ul className="talk-pupils">
          {shown.map((pupil) => (
            <li key={pupil.id} className="talk-pupil" data-testid="talk-pupil" data-name={pupil.displayName}>
              <Link to={`/leerlingen/${encodeURIComponent(pupil.id)}`} state={{ pupil: { displayName: pupil.displayName, groupName: group.groupName } } satisfies PupilLinkState}>
                {pupil.displayName}
              </Link>
              {pupil.heldOn ? (
                <span className="talk-state talk-state-done" data-testid="talk-pupil-state">
                  {t('pupils.talks.heldOn', { date: formatDate(pupil.heldOn) })}
                </span>
              ) : (
                <span className="badge badge-todo" data-testid="talk-pupil-state">
                  {t('pupils.talks.toDo')}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
