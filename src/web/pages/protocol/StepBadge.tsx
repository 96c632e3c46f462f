import { useTranslation } from 'react-i18next';

/**
 * The round mark before a step's title: its number (1–6), or P for the preventive layer. A screen
 * reader hears "Stap 2:" before the title; the mark itself is decoration.
 */
export function StepBadge({ number, title }: { number: number; title: string }) {
  const { t } = useTranslation();
  const spoken = number > 0 ? t('protocol.stepNumber', { number }) : t('protocol.preventive');
  // "Preventief: Preventief: relatie met ouders" would say it twice.
  const say = !title.toLocaleLowerCase().startsWith(spoken.toLocaleLowerCase());
  return (
    <>
      <span className={number > 0 ? 'protocol-step-badge' : 'protocol-step-badge protocol-step-badge-preventive'} aria-hidden="true">
        {number > 0 ? number : 'P'}
      </span>
      {say && <span className="sr-only">{spoken}: </span>}
    </>
  );
}
