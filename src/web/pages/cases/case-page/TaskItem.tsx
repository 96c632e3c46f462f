import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_FORMS, type TaskForm } from '../../../../domain/cases/protocol/protocol.js';
import { Notice } from '../../../components/Notice.js';
import { useFormatDateTime } from '../../../hooks/useFormat.js';
import { AgreementList } from './AgreementList.js';
import { useCaseView, type CaseTaskView, type TaskStatusView } from './case-context.js';
import { DecisionForm } from './DecisionForm.js';
import { DecisionSummary } from './DecisionSummary.js';
import { EntryForm } from './EntryForm.js';
import { Principles } from './Principles.js';
import { TaskChoiceForm } from './TaskChoiceForm.js';
import { TeamForm } from './TeamForm.js';
import { TeamPanel } from './TeamPanel.js';

type Panel = 'form' | 'done' | 'not-applicable' | null;

/** The entry kind a task's form records (team and decision have forms of their own). */
const FORM_KIND: Record<string, string> = {
  signal: 'signal',
  kindcheck: 'kindcheck',
  consultation: 'consultation',
  'pupil-conversation': 'pupil-conversation',
  'parent-conversation': 'parent-conversation',
  agreements: 'agreement',
  'veilig-thuis-advice': 'veilig-thuis-advice',
};

type Props = {
  task: Pick<CaseTaskView, 'id' | 'text' | 'status'> & { help?: string | null; form?: string | null };
  /** Steps 2 and 3 (and the staff route's duties) can be worked on; later steps show the route only. */
  actionable: boolean;
  /** The first decision task of the step shows the decision once it is taken. */
  showsDecision?: boolean;
};

/**
 * One task of a step: its status, its help, and what can be done about it. "Doe de stappen die nodig
 * zijn": no task waits for another.
 */
export function TaskItem({ task, actionable, showsDecision = false }: Props) {
  const { t } = useTranslation();
  const { data } = useCaseView();
  const panelId = useId();
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const formButton = useRef<HTMLButtonElement>(null);
  const doneButton = useRef<HTMLButtonElement>(null);
  const naButton = useRef<HTMLButtonElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const form = task.form ?? null;
  const decided = data.entries.some((e) => e.kind === 'escalation-decision');

  const canWrite = actionable && data.abilities['case.write'];
  const formAllowed =
    actionable &&
    form !== null &&
    (form === 'team'
      ? data.abilities['case.escalate']
      : form === 'escalation-decision'
        ? data.abilities['case.decide'] && !decided && data.case.phase === 'open'
        : data.abilities['case.write'] && form in FORM_KIND);

  function open(next: Panel) {
    setNotice(null);
    setPanel((current) => (current === next ? null : next));
  }

  function closed(saved: string | null) {
    const from = panel;
    setPanel(null);
    setNotice(saved);
    const button = from === 'form' ? formButton : from === 'done' ? doneButton : naButton;
    // Back to the button that opened the form; when it is gone (a decision is taken once), to the notice.
    window.setTimeout(() => (button.current ?? noticeRef.current)?.focus(), 0);
  }

  const formLabel =
    form === 'team' ? (data.case.casushouder ? t('casePage.forms.teamChange') : t('casePage.forms.team')) : form && isFormName(form) ? t(`casePage.forms.${form}`) : '';

  return (
    <li className={`case-task case-task-${task.status.state}`} data-testid="case-task" data-task-id={task.id} data-state={task.status.state}>
      <div className="case-task-row">
        <StatusBadge status={task.status} />
        <div className="case-task-body">
          <p className="case-task-text">{task.text}</p>
          <StatusLine status={task.status} />
          {task.help && (
            <details className="case-disclosure case-help">
              <summary>{t('casePage.task.help')}</summary>
              <p className="case-help-text">{task.help}</p>
            </details>
          )}
          {form === 'agreements' && (
            <details className="case-disclosure case-help">
              <summary>{data.taskDivisionPrinciples.title}</summary>
              <Principles principles={data.taskDivisionPrinciples} compact />
            </details>
          )}
        </div>
        {(formAllowed || canWrite) && (
          <div className="case-task-actions">
            {formAllowed && (
              <button
                ref={formButton}
                type="button"
                className="button button-secondary button-compact"
                aria-expanded={panel === 'form'}
                aria-controls={panel === 'form' ? panelId : undefined}
                onClick={() => open('form')}
                data-testid="task-form-open"
              >
                {formLabel}
              </button>
            )}
            {canWrite && (
              <span className="case-task-choices">
                {task.status.state !== 'done' && (
                  <button
                    ref={doneButton}
                    type="button"
                    className="link-button"
                    aria-expanded={panel === 'done'}
                    aria-controls={panel === 'done' ? panelId : undefined}
                    onClick={() => open('done')}
                    data-testid="task-done-open"
                  >
                    {t('casePage.task.markDone')}
                  </button>
                )}
                {task.status.state !== 'not-applicable' && (
                  <button
                    ref={naButton}
                    type="button"
                    className="link-button"
                    aria-expanded={panel === 'not-applicable'}
                    aria-controls={panel === 'not-applicable' ? panelId : undefined}
                    onClick={() => open('not-applicable')}
                    data-testid="task-na-open"
                  >
                    {t('casePage.task.markNotApplicable')}
                  </button>
                )}
              </span>
            )}
          </div>
        )}
      </div>
      {form === 'team' && <TeamPanel />}
      {form === 'agreements' && <AgreementList purpose="task-division" />}
      {showsDecision && <DecisionSummary />}
      {notice && (
        <div ref={noticeRef} tabIndex={-1} className="case-task-notice">
          <Notice tone="success">{notice}</Notice>
        </div>
      )}
      {panel !== null && (
        <div id={panelId} className="case-panel">
          {panel === 'form' && form === 'team' && <TeamForm idPrefix={`${task.id}-team`} onSaved={() => closed(t('casePage.team.saved'))} onCancel={() => closed(null)} />}
          {panel === 'form' && form === 'escalation-decision' && (
            <DecisionForm
              idPrefix={`${task.id}-decision`}
              initialDecision={task.id.includes('geen-melding') ? 'no-report-now' : null}
              onSaved={() => closed(t('casePage.decision.saved'))}
              onCancel={() => closed(null)}
            />
          )}
          {panel === 'form' && form !== null && FORM_KIND[form] && (
            <EntryForm
              kind={FORM_KIND[form]!}
              idPrefix={`${task.id}-entry`}
              correcting={null}
              agreementPurpose="task-division"
              onSaved={() => closed(t('casePage.task.saved'))}
              onCancel={() => closed(null)}
            />
          )}
          {(panel === 'done' || panel === 'not-applicable') && (
            <TaskChoiceForm
              idPrefix={`${task.id}-${panel}`}
              taskId={task.id}
              taskText={task.text}
              outcome={panel}
              onSaved={() => closed(t('casePage.task.choiceSaved'))}
              onCancel={() => closed(null)}
            />
          )}
        </div>
      )}
    </li>
  );
}

function isFormName(form: string): form is TaskForm {
  return (TASK_FORMS as readonly string[]).includes(form);
}

function StatusBadge({ status }: { status: TaskStatusView }) {
  const { t } = useTranslation();
  const label =
    status.state === 'open'
      ? t('casePage.status.open')
      : status.state === 'recorded'
        ? t('casePage.status.recorded')
        : status.state === 'done'
          ? t('casePage.status.done')
          : t('casePage.status.notApplicable');
  return (
    <span className={`case-status case-status-${status.state}`} data-testid="task-state">
      {label}
    </span>
  );
}

function StatusLine({ status }: { status: TaskStatusView }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  switch (status.state) {
    case 'open':
      return null;
    case 'recorded':
      return (
        <p className="case-task-status" data-testid="task-status">
          {t('casePage.status.recordedCount', { count: status.count })}
        </p>
      );
    case 'done':
    case 'not-applicable':
      return (
        <p className="case-task-status" data-testid="task-status">
          {t(status.state === 'done' ? 'casePage.status.doneBy' : 'casePage.status.notApplicableBy', { name: status.by.name, date: formatDateTime(status.at) })}
          {status.note && (
            <>
              {' — '}
              <span className="notes">{status.note}</span>
            </>
          )}
        </p>
      );
  }
}
