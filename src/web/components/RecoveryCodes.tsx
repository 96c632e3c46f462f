import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from './PageHeading.js';
import { usePageTitle } from '../hooks/usePageTitle.js';

/** The ten recovery codes, shown once right after enrolment, with ways to keep them. */
export function RecoveryCodes({ codes, onSaved }: { codes: readonly string[]; onSaved: () => void }) {
  const { t } = useTranslation();
  usePageTitle(t('recovery.title'));
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copyCodes() {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  }

  return (
    <>
      <PageHeading>{t('recovery.title')}</PageHeading>
      <p>{t('recovery.intro')}</p>
      <p className="callout callout-warning">{t('recovery.warning')}</p>
      <h2 id="recovery-codes-title" className="section-title">
        {t('recovery.listLabel')}
      </h2>
      <ol className="recovery-codes" aria-labelledby="recovery-codes-title" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="button-row no-print">
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t('recovery.print')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => void copyCodes()}>
          {t('recovery.copy')}
        </button>
      </div>
      <p role="status" className="copy-status no-print">
        {copy === 'copied' ? t('recovery.copied') : copy === 'failed' ? t('recovery.copyFailed') : ''}
      </p>
      <button type="button" className="button button-primary button-block no-print" data-testid="recovery-codes-saved" onClick={onSaved}>
        {t('recovery.saved')}
      </button>
    </>
  );
}
