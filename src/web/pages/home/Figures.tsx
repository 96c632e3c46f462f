import { useTranslation } from 'react-i18next';

export interface Figure {
  label: string;
  value: number;
  /** Draws the eye when it is not zero (overdue items). */
  attention?: boolean;
}

/** A row of counts (cases open, in monitoring, overdue …): figures only, never names. */
export function Figures({ figures, label }: { figures: readonly Figure[]; label: string }) {
  return (
    <dl className="figures" aria-label={label}>
      {figures.map((f) => (
        <div key={f.label} className={f.attention && f.value > 0 ? 'figure figure-attention' : 'figure'}>
          <dt>{f.label}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}

const STEPS = ['s1', 's2', 's3', 's4', 's5', 's6'] as const;

/** Open cases per step of the route: "Stap 2 · In kaart brengen: 3". */
export function StepFigures({ byStep }: { byStep: readonly { step: number; count: number }[] }) {
  const { t } = useTranslation();
  return (
    <Figures
      label={t('homePage.byStepLabel')}
      figures={STEPS.map((name, index) => ({ label: t('homePage.stepShort', { number: index + 1, name: t(`cases.steps.${name}`) }), value: byStep.find((s) => s.step === index + 1)?.count ?? 0 }))}
    />
  );
}
