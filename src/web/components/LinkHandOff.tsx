import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatDateTime } from '../hooks/useFormat.js';

type LinkHandOffProps = {
  label: string;
  link: string;
  expiresAt: string;
  /** Who gets it, for the instruction: "Geef deze link persoonlijk aan Noor". */
  recipient: string;
  testId?: string;
};

/**
 * A link for a person that no mail server delivered: shown read-only with a copy button, its
 * expiry, and how to pass it on.
 */
export function LinkHandOff({ label, link, expiresAt, recipient, testId }: LinkHandOffProps) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const id = useId();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(link);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  }

  return (
    <div className="handoff">
      <p className="handoff-text">{t('handoff.instruction', { name: recipient })}</p>
      <div className="field">
        <label htmlFor={id} className="field-label">
          {label}
        </label>
        <div className="handoff-row">
          <input
            id={id}
            className="input input-link"
            readOnly
            value={link}
            data-testid={testId}
            aria-describedby={`${id}-expiry`}
            onFocus={(event) => event.target.select()}
          />
          <button type="button" className="button button-secondary" onClick={() => void copyLink()}>
            {t('handoff.copy')}
          </button>
        </div>
        <p id={`${id}-expiry`} className="field-hint">
          {t('handoff.expires', { date: formatDateTime(expiresAt) })}
        </p>
      </div>
      <p role="status" className="copy-status">
        {copy === 'copied' ? t('handoff.copied') : copy === 'failed' ? t('handoff.copyFailed') : ''}
      </p>
    </div>
  );
}
