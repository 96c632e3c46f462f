import { useQuery } from '@tanstack/react-query';
import { Trans, useTranslation } from 'react-i18next';
import { VEILIG_THUIS_NATIONAL_PHONE } from '../../domain/school/local-parties.js';
import { getSchoolSettings } from '../api/administration.js';
import { queryKeys } from '../api/query-keys.js';

/**
 * Who to call when a child is in danger. On every signed-in page, with the Veilig Thuis number the
 * school set (or the national one), and in short below the sign-in card.
 */
export function SafetyBox({ canReadSchoolSettings }: { canReadSchoolSettings: boolean }) {
  const { t } = useTranslation();
  const settings = useQuery({
    queryKey: queryKeys.schoolSettings,
    queryFn: getSchoolSettings,
    enabled: canReadSchoolSettings,
    staleTime: 5 * 60_000,
  });
  const phone = (canReadSchoolSettings ? settings.data?.veiligThuisPhoneInEffect : undefined) ?? VEILIG_THUIS_NATIONAL_PHONE;
  return (
    <aside className="safety" aria-labelledby="safety-title" data-testid="safety-box">
      <h2 id="safety-title" className="safety-title">
        {t('safety.title')}
      </h2>
      <SafetyLines phone={phone} />
    </aside>
  );
}

function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

export function SafetyLines({ phone = VEILIG_THUIS_NATIONAL_PHONE }: { phone?: string }) {
  const national = phone === VEILIG_THUIS_NATIONAL_PHONE;
  return (
    <>
      <p className="safety-line">
        <Trans i18nKey="safety.danger" components={{ tel: <a className="tel" href="tel:112" /> }} />
      </p>
      <p className="safety-line">
        {national ? (
          <Trans i18nKey="safety.veiligThuis" components={{ tel: <a className="tel" href={telHref(phone)} /> }} />
        ) : (
          <Trans
            i18nKey="safety.veiligThuisSchool"
            values={{ phone, national: VEILIG_THUIS_NATIONAL_PHONE }}
            components={{ tel: <a className="tel" href={telHref(phone)} data-testid="safety-veilig-thuis" />, national: <a className="tel" href={telHref(VEILIG_THUIS_NATIONAL_PHONE)} /> }}
          />
        )}
      </p>
    </>
  );
}
