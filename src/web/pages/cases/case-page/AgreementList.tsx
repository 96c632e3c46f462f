import { useTranslation } from 'react-i18next';
import { formatDate } from '../../pupils/dates.js';
import { useCaseView } from './case-context.js';

type AgreementBody = { what?: unknown; ownerUserId?: unknown; dueOn?: unknown; purpose?: unknown; done?: unknown };

/** The agreements of one purpose, short: what, who, by when, and whether it is done. Changes happen in the timeline. */
export function AgreementList({ purpose }: { purpose: 'task-division' | 'monitoring' | 'aftercare' }) {
  const { t } = useTranslation();
  const { data, names } = useCaseView();
  const agreements = data.entries
    .filter((entry) => entry.kind === 'agreement')
    .map((entry) => ({ entryId: entry.entryId, body: (entry.current.body ?? {}) as AgreementBody }))
    .filter((a) => a.body.purpose === purpose);
  if (agreements.length === 0) return null;
  return (
    <ul className="case-agreements" data-testid={`agreements-${purpose}`}>
      {agreements.map(({ entryId, body }) => (
        <li key={entryId} className="case-agreement">
          <span className="case-agreement-what">{typeof body.what === 'string' ? body.what : ''}</span>
          <span className="muted">
            {t('casePage.agreement.short', {
              who: (typeof body.ownerUserId === 'string' && names.get(body.ownerUserId)) || t('casePage.agreement.formerOwner'),
              date: typeof body.dueOn === 'string' ? formatDate(body.dueOn) : '—',
            })}
          </span>
          <span className={body.done === true ? 'badge badge-ok' : 'badge badge-todo'}>{body.done === true ? t('casePage.agreement.done') : t('casePage.agreement.open')}</span>
        </li>
      ))}
    </ul>
  );
}
