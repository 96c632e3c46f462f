import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NotAllowed } from '../../components/NotAllowed.js';
import { Notice } from '../../components/Notice.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useSignedInMe } from '../../hooks/useMe.js';
import { usePageTitle } from '../../hooks/usePageTitle.js';
import { PupilForm, type SavedPupil } from './PupilForm.js';
import type { PupilLinkState } from './pupil-link-state.js';

/** Adding a pupil by hand: for a school without an export, or a pupil who joined today. */
export default function NewPupilPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  if (me.school === null) return <NotAllowed title={t('pupils.form.newTitle')} />;
  return <NewPupil />;
}

function NewPupil() {
  const { t } = useTranslation();
  usePageTitle(t('pupils.form.newTitle'));
  const [added, setAdded] = useState<SavedPupil | null>(null);
  // A fresh form after each pupil: a new key starts it empty.
  const [round, setRound] = useState(0);

  return (
    <div className="page">
      <PageHeading>{t('pupils.form.newTitle')}</PageHeading>
      <p className="lead">{t('pupils.form.newIntro')}</p>
      <p className="muted">
        <Link to="/leerlingen">{t('pupils.page.backToSearch')}</Link>
      </p>
      {added ? (
        <section className="card" aria-labelledby="pupil-added-title">
          <h2 id="pupil-added-title" className="sr-only">
            {t('pupils.form.addedTitle')}
          </h2>
          <Notice tone="success">
            <p className="alert-message" data-testid="pupil-added">
              {added.groupName ? t('pupils.form.addedToGroup', { name: added.displayName, group: added.groupName }) : t('pupils.form.added', { name: added.displayName })}
            </p>
          </Notice>
          <div className="button-row">
            <Link
              to={`/leerlingen/${encodeURIComponent(added.id)}`}
              state={{ pupil: { displayName: added.displayName, groupName: added.groupName, pupilNumber: added.pupilNumber } } satisfies PupilLinkState}
              className="button button-secondary"
            >
              {t('pupils.form.toPage')}
            </Link>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setAdded(null);
                setRound((n) => n + 1);
              }}
            >
              {t('pupils.form.another')}
            </button>
          </div>
        </section>
      ) : (
        <section className="card" aria-labelledby="pupil-new-title">
          <h2 id="pupil-new-title" className="section-title">
            {t('pupils.form.detailsTitle')}
          </h2>
          <PupilForm key={round} onSaved={setAdded} />
        </section>
      )}
    </div>
  );
}
