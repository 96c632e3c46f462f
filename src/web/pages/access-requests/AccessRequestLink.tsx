import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './access-requests.css';

/** On the pupil page, for the IB'er and directie (the server's ability): the way to the pupil's access requests. */
export function AccessRequestLink({ pupilId }: { pupilId: string }) {
  const { t } = useTranslation();
  return (
    <p className="access-request-link">
      <Link to={`/leerlingen/${encodeURIComponent(pupilId)}/inzageverzoeken`} className="button button-secondary" data-testid="access-request-link">
        {t('accessRequests.link')}
      </Link>
      <span className="muted">{t('accessRequests.linkHint')}</span>
    </p>
  );
}
