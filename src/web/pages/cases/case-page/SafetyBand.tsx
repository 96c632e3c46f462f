import { useTranslation } from 'react-i18next';
import { useCaseView } from './case-context.js';

export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/** "Veilig Thuis Rotterdam Rijnmond": the region as the school set it, with or without the name in front. */
export function veiligThuisName(region: string | null): string {
  if (!region) return 'Veilig Thuis';
  return /^veilig thuis/i.test(region.trim()) ? region.trim() : `Veilig Thuis ${region.trim()}`;
}

/**
 * Stays at the top of the screen while the case scrolls: the school's standing reminder, the
 * Veilig Thuis number of the school's region and 112.
 */
export function SafetyBand() {
  const { t } = useTranslation();
  const { data } = useCaseView();
  const { veiligThuisPhone, veiligThuisRegion, emergencyPhone } = data.safety;
  return (
    <aside className="case-band" aria-label={t('casePage.band.label')} data-testid="case-band">
      <p className="case-band-reminder" data-testid="case-reminder">
        {data.standingReminder}
      </p>
      <p className="case-band-phones">
        <span className="case-band-phone">
          {t('casePage.band.danger')}{' '}
          <a className="tel" href={telHref(emergencyPhone)}>
            {emergencyPhone}
          </a>
        </span>
        <span className="case-band-phone" data-testid="case-band-veilig-thuis">
          {veiligThuisName(veiligThuisRegion)}:{' '}
          <a className="tel" href={telHref(veiligThuisPhone)}>
            {veiligThuisPhone}
          </a>
        </span>
      </p>
    </aside>
  );
}
