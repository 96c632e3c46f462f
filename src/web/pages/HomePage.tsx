import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HomeResponse } from '../../contract/home.js';
import { getHome } from '../api/home.js';
import { queryKeys } from '../api/query-keys.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { PageLoading } from '../components/NotAllowed.js';
import { PageHeading } from '../components/PageHeading.js';
import { useSignedInMe } from '../hooks/useMe.js';
import { usePageTitle } from '../hooks/usePageTitle.js';
import { useRoleNames } from '../hooks/useRoleNames.js';
import { casePath, useCaseDate } from './cases/case-summary.js';
import { DueList } from './home/DueList.js';
import { Figures, StepFigures } from './home/Figures.js';
import { HomeCard } from './home/HomeCard.js';
import { HomeCaseList } from './home/HomeCaseList.js';
import './home/home.css';

const MELDCODE_STEPS = ['s1', 's2', 's3', 's4', 's5', 's6'] as const;

function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/** The start page: what is mine to do today, by my roles, then what Meldpad is for. */
export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t('home.title'));
  const me = useSignedInMe();
  const roleNames = useRoleNames();
  const home = useQuery({ queryKey: queryKeys.home, queryFn: getHome, retry: false });

  return (
    <div className="page">
      <PageHeading testId="home-heading">{t('home.heading', { firstName: firstNameOf(me.user.name) })}</PageHeading>
      <p className="lead">{t('home.context', { place: me.school?.name ?? me.board.name, roles: roleNames(me.roles) })}</p>
      {home.isPending && <PageLoading />}
      {home.isError && <ErrorAlert error={home.error} />}
      {home.data && <HomeSections home={home.data} />}

      <section className="card card-quiet" aria-labelledby="what-title">
        <h2 id="what-title" className="section-title">
          {t('home.whatTitle')}
        </h2>
        <p>{t('home.whatCase')}</p>
        <p>{t('home.whatAudit')}</p>
        <h3 className="subsection-title">{t('home.routeTitle')}</h3>
        <ol className="route">
          {MELDCODE_STEPS.map((step) => (
            <li key={step} className="route-step">
              <span className="route-step-name">{t(`home.steps.${step}.name`)}</span>
              <span className="route-step-text">{t(`home.steps.${step}.text`)}</span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function HomeSections({ home }: { home: HomeResponse }) {
  const { t } = useTranslation();
  const dateOf = useCaseDate();
  return (
    <div className="home-sections">
      {home.myDue && <DueList title={t('homePage.myDue')} items={home.myDue} testId="home-my-due" withOwner={false} today={home.today} />}
      {home.myConcerns && <HomeCaseList title={t('homePage.myConcerns')} cases={home.myConcerns} testId="home-cases" />}
      {home.myCases && <HomeCaseList title={t('homePage.myCases')} cases={home.myCases} testId="home-cases" emptyText={t('homePage.noCases')} />}
      {home.startOfYearTalks && (
        <HomeCard title={t('homePage.talksTitle', { schoolYear: home.startOfYearTalks.schoolYear })} testId="home-talks" link={{ to: '/startgesprekken', label: t('homePage.talksOpen') }}>
          <p>{home.startOfYearTalks.toDo === 0 ? t('homePage.talksDone') : t('homePage.talksToDo', { toDo: home.startOfYearTalks.toDo, pupils: home.startOfYearTalks.pupils })}</p>
        </HomeCard>
      )}
      {home.casesByStep && (
        <HomeCard title={t('homePage.casesByStep')} testId="home-cases-by-step" link={{ to: '/casussen', label: t('homePage.allCasesLink') }}>
          <StepFigures byStep={home.casesByStep.byStep} />
          <p className="muted">{t('homePage.inMonitoring', { count: home.casesByStep.monitoring })}</p>
        </HomeCard>
      )}
      {home.schoolDue && <DueList title={t('homePage.schoolDue')} items={home.schoolDue} testId="home-school-due" withOwner today={home.today} />}
      {home.destructionDue && (home.destructionDue.due > 0 || home.destructionDue.upcoming > 0) && (
        <HomeCard title={t('homePage.destructionTitle')} testId="home-destruction" link={{ to: '/bewaartermijnen', label: t('homePage.destructionOpen') }}>
          <p>{t('homePage.destructionText', { due: home.destructionDue.due, upcoming: home.destructionDue.upcoming })}</p>
        </HomeCard>
      )}
      {home.schoolOverview && (
        <HomeCard title={t('homePage.overviewTitle')} testId="home-school-overview">
          <Figures
            label={t('homePage.overviewTitle')}
            figures={[
              { label: t('homePage.open'), value: home.schoolOverview.open },
              { label: t('homePage.monitoring'), value: home.schoolOverview.monitoring },
              { label: t('homePage.overdueItems'), value: home.schoolOverview.overdue, attention: true },
              { label: t('homePage.dueSoonItems'), value: home.schoolOverview.dueSoon },
            ]}
          />
          <h3 className="subsection-title">{t('homePage.byStepLabel')}</h3>
          <StepFigures byStep={home.schoolOverview.byStep} />
          <p className="muted">{t('homePage.overviewNote')}</p>
        </HomeCard>
      )}
      {home.breakGlass && (
        <HomeCard title={t('homePage.breakGlassTitle')} testId="home-break-glass">
          {home.breakGlass.length === 0 ? (
            <p className="muted">{t('homePage.breakGlassNone')}</p>
          ) : (
            <ul className="plain-list">
              {home.breakGlass.map((b) => (
                <li key={`${b.caseId}-${b.openedAt}`} className="break-glass-item">
                  <Link to={casePath(b.caseId)} className="case-link">
                    {t('homePage.breakGlassBy', { name: b.name, date: dateOf(b.openedAt) })}
                  </Link>
                  <span className="muted">{t('homePage.breakGlassReason', { reason: b.reason })}</span>
                </li>
              ))}
            </ul>
          )}
        </HomeCard>
      )}
      {home.boardFigures && (
        <HomeCard title={t('homePage.boardTitle')} testId="home-board-figures">
          {home.boardFigures.schools.length === 0 ? (
            <p className="muted">{t('homePage.boardNone')}</p>
          ) : (
            <div className="table-scroll">
              <table className="table table-compact">
                <thead>
                  <tr>
                    <th scope="col">{t('homePage.school')}</th>
                    <th scope="col">{t('homePage.open')}</th>
                    <th scope="col">{t('homePage.monitoring')}</th>
                  </tr>
                </thead>
                <tbody>
                  {home.boardFigures.schools.map((s) => (
                    <tr key={s.schoolId}>
                      <th scope="row">{s.name}</th>
                      <td>{s.open}</td>
                      <td>{s.monitoring}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="muted">{t('homePage.boardNote')}</p>
        </HomeCard>
      )}
      {home.staffRouteCases && <HomeCaseList title={t('homePage.staffRoute')} cases={home.staffRouteCases} testId="home-staff-route" emptyText={t('homePage.staffRouteNone')} moreTo="/casussen" />}
    </div>
  );
}
