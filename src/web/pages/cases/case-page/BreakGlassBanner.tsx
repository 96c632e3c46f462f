import { useTranslation } from 'react-i18next';
import { useFormatDateTime } from '../../../hooks/useFormat.js';
import { useSignedInMe } from '../../../hooks/useMe.js';
import { useCaseView } from './case-context.js';

/** Who opened the case through emergency access, when and why: shown to everyone on it, flagged for the casushouder. */
export function BreakGlassBanner() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const { data } = useCaseView();
  const formatDateTime = useFormatDateTime();
  if (data.breakGlass.length === 0) return null;
  const holder = data.case.casushouder?.userId === me.user.id;
  return (
    <section className="case-break-glass" aria-labelledby="break-glass-title" data-testid="break-glass-banner">
      <h2 id="break-glass-title" className="case-break-glass-title">
        {t('casePage.breakGlass.bannerTitle')}
      </h2>
      <p>{t('casePage.breakGlass.bannerText', { count: data.breakGlass.length })}</p>
      <ul className="case-break-glass-list">
        {data.breakGlass.map((access) => (
          <li key={`${access.user.userId}-${access.openedAt}`} data-testid="break-glass-item">
            <strong>{access.user.name}</strong> · {formatDateTime(access.openedAt)} — <span className="case-break-glass-reason">{t('casePage.breakGlass.reason', { reason: access.reason })}</span>
          </li>
        ))}
      </ul>
      {holder && <p className="case-break-glass-holder">{t('casePage.breakGlass.forCasushouder')}</p>}
    </section>
  );
}
