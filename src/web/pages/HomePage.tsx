import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/PageHeading.js';
import { useSignedInMe } from '../hooks/useMe.js';
import { usePageTitle } from '../hooks/usePageTitle.js';
import { useRoleNames } from '../hooks/useRoleNames.js';
import { MyCasesBlock } from './cases/MyCasesBlock.js';

const MELDCODE_STEPS = ['s1', 's2', 's3', 's4', 's5', 's6'] as const;

function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t('home.title'));
  const me = useSignedInMe();
  const roleNames = useRoleNames();

  return (
    <div className="page">
      <PageHeading testId="home-heading">{t('home.heading', { firstName: firstNameOf(me.user.name) })}</PageHeading>
      <p className="lead">{t('home.context', { place: me.school?.name ?? me.board.name, roles: roleNames(me.roles) })}</p>
      <MyCasesBlock />

      <section className="card" aria-labelledby="what-title">
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
