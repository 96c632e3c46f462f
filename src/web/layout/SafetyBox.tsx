import { Trans, useTranslation } from 'react-i18next';

/** Who to call when a child is in danger. On every signed-in page, and in short below the sign-in card. */
export function SafetyBox() {
  const { t } = useTranslation();
  return (
    <aside className="safety" aria-labelledby="safety-title">
      <h2 id="safety-title" className="safety-title">
        {t('safety.title')}
      </h2>
      <SafetyLines />
    </aside>
  );
}

export function SafetyLines() {
  return (
    <>
      <p className="safety-line">
        <Trans i18nKey="safety.danger" components={{ tel: <a className="tel" href="tel:112" /> }} />
      </p>
      <p className="safety-line">
        <Trans i18nKey="safety.veiligThuis" components={{ tel: <a className="tel" href="tel:08002000" /> }} />
      </p>
    </>
  );
}
