import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../hooks/usePageTitle.js';
import { PageHeading } from './PageHeading.js';

/** A page the person's roles at this school do not include: said plainly, without asking the server. */
export function NotAllowed({ title }: { title: string }) {
  const { t } = useTranslation();
  usePageTitle(title);
  return (
    <div className="page">
      <PageHeading>{title}</PageHeading>
      <p>{t('admin.notAllowed')}</p>
      <p>
        <Link to="/" className="button button-secondary">
          {t('notFound.home')}
        </Link>
      </p>
    </div>
  );
}

/** While a page's data loads. */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="loading">
      {t('app.loading')}
    </p>
  );
}
