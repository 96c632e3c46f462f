import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AftercarePanel } from './AftercarePanel.js';
import { useCaseView, type CaseStepView } from './case-context.js';
import { ParentConversationPanel } from './ParentConversationPanel.js';
import { ReportPanel } from './ReportPanel.js';
import { RiskAssessmentPanel } from './RiskAssessmentPanel.js';
import { RiskIndexPanel } from './RiskIndexPanel.js';
import { TaskItem } from './TaskItem.js';
import { TeamPanel } from './TeamPanel.js';
import { WeighingPanel } from './WeighingPanel.js';

/** Steps 2 and 3 are worked on here; the others show the route (the report and aftercare come later). */
const WORKED_STEPS = [2, 3];
const AFTERCARE_KINDS = ['monitoring-note', 'aftercare-review', 'contact-matrix'];

/**
 * One step of the route as a section that opens and closes. The case's current step is open; the
 * others show their title and how far they are, one click from their tasks.
 */
export function StepSection({ step }: { step: CaseStepView }) {
  const { t } = useTranslation();
  const { data } = useCaseView();
  const current = step.number === data.case.step;
  const [open, setOpen] = useState(current);
  const bodyId = useId();
  const actionable = WORKED_STEPS.includes(step.number) && data.case.phase !== 'closed';
  const handled = step.tasks.filter((task) => task.status.state !== 'open').length;
  const firstDecision = step.tasks.find((task) => task.form === 'escalation-decision')?.id;
  const hasTeamTask = step.tasks.some((task) => task.form === 'team');
  // Step 5's afwegingskader is worked on in its own panel, above the step's tasks.
  const weighs = step.number === 5 && data.weighing !== null;
  // The report to Veilig Thuis, below the weighing (meldcode route only).
  const reports = step.number === 5 && data.case.route === 'meldcode';
  // Step 4's conversation with the parents: prepared, recorded, or (on a ground) not held.
  const talksWithParents = step.number === 4 && data.case.route === 'meldcode';
  // Step 6's aftercare, at the top of the step, once the weighing has ended in aftercare (meldcode route only).
  const aftercare = step.number === 6 && data.case.route === 'meldcode' && (data.case.step >= 6 || data.entries.some((e) => AFTERCARE_KINDS.includes(e.kind)));

  return (
    <section className={current ? 'case-step case-step-current' : 'case-step'} aria-labelledby={`${bodyId}-heading`} data-testid="case-step" data-step={step.number}>
      <h3 id={`${bodyId}-heading`} className="case-step-heading">
        <button type="button" className="case-step-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen((value) => !value)} data-testid="case-step-toggle">
          <span className="case-step-chevron" aria-hidden="true" />
          <span className="case-step-name">{t('casePage.steps.title', { number: step.number, title: step.title })}</span>
          {current && <span className="case-step-current-badge">{t('casePage.steps.current')}</span>}
          <span className="case-step-progress">{t('casePage.steps.progress', { handled, total: step.tasks.length })}</span>
        </button>
      </h3>
      <div id={bodyId} className="case-step-body" hidden={!open}>
        {step.note && <p className="case-step-note">{step.note}</p>}
        {!actionable && !weighs && !talksWithParents && !aftercare && <p className="muted case-step-later">{step.number < 2 ? t('casePage.steps.before') : t('casePage.steps.later')}</p>}
        {step.number === 3 && !hasTeamTask && <TeamPanel />}
        {aftercare && <AftercarePanel />}
        {talksWithParents && <ParentConversationPanel />}
        {talksWithParents && <RiskIndexPanel />}
        {weighs && <WeighingPanel />}
        {weighs && <RiskAssessmentPanel />}
        {reports && <ReportPanel />}
        <ul className="case-tasks">
          {step.tasks.map((task) => (
            <TaskItem key={task.id} task={task} actionable={actionable} showsDecision={task.id === firstDecision} />
          ))}
        </ul>
      </div>
    </section>
  );
}
