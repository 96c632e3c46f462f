import { useTranslation } from 'react-i18next';
import type { WithholdingGround } from '../../../domain/access-requests/withholding-grounds.js';
import { useGroundLabel } from './labels.js';

/** In the place of a withheld case or entry: that something was withheld, and on which ground — never what. */
export function WithheldMarker({ what, ground, basis }: { what: 'case' | 'entry'; ground: WithholdingGround; basis: string }) {
  const { t } = useTranslation();
  const groundLabel = useGroundLabel();
  return (
    <div className="access-withheld" data-testid="withheld-marker">
      <p className="access-withheld-what">{what === 'case' ? t('accessRequests.file.withheldCase') : t('accessRequests.file.withheldEntry')}</p>
      <p className="access-withheld-ground">{t('accessRequests.file.ground', { ground: groundLabel(ground), basis })}</p>
    </div>
  );
}
