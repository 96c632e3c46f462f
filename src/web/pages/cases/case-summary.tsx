import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseSummary } from '../../../contract/cases.js';

const STEP_NAMES = ['s1', 's2', 's3', 's4', 's5', 's6'] as const;

/** The link to a case page. */
export function casePath(caseId: string): string {
  return `/casussen/${encodeURIComponent(caseId)}`;
}

/** "Stap 3 · opgeschaald", "Personeelsroute": where a case stands, in a few words. */
export function useCaseStep(): (summary: Pick<CaseSummary, 'route' | 'step'>) => string {
  const { t } = useTranslation();
  return useCallback(
    (summary) => {
      if (summary.route === 'staff') return t('cases.staffRoute');
      const name = STEP_NAMES[summary.step - 1];
      return name ? t('cases.stepNamed', { number: summary.step, name: t(`cases.steps.${name}`) }) : t('cases.step', { number: summary.step });
    },
    [t],
  );
}

/** "12-03-2026": a moment as a Dutch school writes its date, in the school's time zone. */
export function useCaseDate(): (iso: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback(
    (iso: string) =>
      new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', { timeZone: 'Europe/Amsterdam', day: '2-digit', month: '2-digit', year: 'numeric' })
        .format(new Date(iso))
        .replace(/\//g, '-'),
    [language],
  );
}

/** The phase as a badge: open, monitoring, closed. */
export function PhaseBadge({ phase }: { phase: CaseSummary['phase'] }) {
  const { t } = useTranslation();
  const tone = phase === 'open' ? 'badge-todo' : phase === 'monitoring' ? 'badge-ok' : 'badge-off';
  return <span className={`badge ${tone}`}>{t(`cases.phases.${phase}`)}</span>;
}

/** The pupil's name as a link to the case. */
export function CaseLink({ summary, testId }: { summary: CaseSummary; testId?: string }) {
  return (
    <Link to={casePath(summary.id)} className="case-link" data-testid={testId} data-case-id={summary.id}>
      {summary.pupil.displayName}
    </Link>
  );
}
