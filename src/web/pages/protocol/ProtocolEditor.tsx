import { useMutation } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrentProtocolResponse, ProtocolContentBody } from '../../../contract/protocol.js';
import type { StepId, TaskForm } from '../../../domain/cases/protocol/protocol.js';
import {
  HELP_TEXT_MAX,
  PRINCIPLE_MAX,
  reviseProtocol as checkRevision,
  TASK_TEXT_MAX,
  type EditedProtocol,
  type RevisionProblem,
} from '../../../domain/cases/protocol/revise-protocol.js';
import { ApiError } from '../../api/client.js';
import { reviseProtocol } from '../../api/protocol.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Notice } from '../../components/Notice.js';
import { TextField } from '../../components/TextField.js';
import { useConfirm } from '../../dialogs/ConfirmProvider.js';
import { TextAreaField } from '../pupils/fields.js';
import { StepBadge } from './StepBadge.js';

/** A task as the form holds it: `key` names its fields, `id` is null for a task added here. */
interface DraftTask {
  key: string;
  id: string | null;
  form: TaskForm | null;
  text: string;
  help: string;
  /** The explanation field is open (it always is when there is an explanation). */
  showHelp: boolean;
  retired: boolean;
}

interface DraftStep {
  id: StepId;
  number: number;
  title: string;
  note: string;
  tasks: DraftTask[];
}

interface Draft {
  steps: DraftStep[];
  reminder: string;
  taskDivision: string;
  parentConversation: string;
  changeNote: string;
}

type PrincipleField = 'taskDivision' | 'parentConversation';

let lastKey = 0;
const nextKey = () => `t${++lastKey}`;

function draftOf(content: ProtocolContentBody): Draft {
  return {
    steps: content.steps.map((step) => ({
      id: step.id,
      number: step.number,
      title: step.title,
      note: step.note ?? '',
      tasks: step.tasks.map((task) => ({ key: nextKey(), id: task.id, form: task.form, text: task.text, help: task.help ?? '', showHelp: task.help !== null, retired: task.retired })),
    })),
    reminder: content.standingReminder,
    taskDivision: content.taskDivisionPrinciples.items.join('\n'),
    parentConversation: content.parentConversationPrinciples.items.join('\n'),
    changeNote: '',
  };
}

function editOf(draft: Draft): EditedProtocol {
  return {
    steps: draft.steps.map((step) => ({
      id: step.id,
      title: step.title,
      note: step.note,
      tasks: step.tasks.map((task) => ({ id: task.id, text: task.text, help: task.help === '' ? null : task.help, retired: task.retired })),
    })),
    standingReminder: draft.reminder,
    taskDivisionPrinciples: draft.taskDivision.split('\n'),
    parentConversationPrinciples: draft.parentConversation.split('\n'),
  };
}

/** The ids of the form's fields: a problem's message is shown beside the field with this id. */
const ids = {
  reminder: 'protocol-reminder',
  changeNote: 'protocol-change-note',
  stepTitle: (stepId: string) => `protocol-step-${stepId}-title`,
  stepNote: (stepId: string) => `protocol-step-${stepId}-note`,
  addTask: (stepId: string) => `protocol-step-${stepId}-add`,
  task: (key: string, part: 'text' | 'help' | 'add-help' | 'up' | 'down' | 'retire') => `protocol-task-${key}-${part}`,
  principles: (which: PrincipleField) => `protocol-principles-${which}`,
};

type Problem =
  | { kind: 'fields'; count: number }
  | { kind: 'conflict'; error: unknown }
  | { kind: 'server'; error: unknown; fieldId: string | null };

/**
 * The IB'er's or directie's form to adapt the route: steps' titles and notes, tasks (reword, move
 * within the step, add, retire or restore, explanation), the reminder and the principles. Saving makes
 * the next version. Whatever goes wrong, the form keeps what was typed.
 */
export function ProtocolEditor({ current, onSaved, onStop }: { current: CurrentProtocolResponse; onSaved: (version: number) => void; onStop: () => void }) {
  const { t } = useTranslation();
  const confirm = useConfirm();
  const [initial] = useState(() => draftOf(current.content));
  const [draft, setDraft] = useState<Draft>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [unchanged, setUnchanged] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  /** An element id to focus after the next render, or 'first-invalid'. */
  const pendingFocus = useRef<string | null>(null);
  const next = current.version + 1;

  useEffect(() => {
    titleRef.current?.focus();
  }, []);

  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    const element = target === 'first-invalid' ? formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') : document.getElementById(target);
    element?.focus();
  });

  const mutation = useMutation({
    mutationFn: reviseProtocol,
    onSuccess: (result) => {
      if (result.unchanged) {
        setUnchanged(true);
        return;
      }
      onSaved(result.version);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        setProblem({ kind: 'conflict', error });
        return;
      }
      const fieldId = error instanceof ApiError ? fieldIdOf(draft, error.field) : null;
      setProblem({ kind: 'server', error, fieldId });
      if (fieldId) pendingFocus.current = fieldId;
    },
  });

  function update(change: (draft: Draft) => Draft) {
    setUnchanged(false);
    setDraft(change);
  }

  function updateStep(stepIndex: number, change: (step: DraftStep) => DraftStep) {
    update((d) => ({ ...d, steps: d.steps.map((s, i) => (i === stepIndex ? change(s) : s)) }));
  }

  function updateTask(stepIndex: number, key: string, change: (task: DraftTask) => DraftTask) {
    updateStep(stepIndex, (s) => ({ ...s, tasks: s.tasks.map((task) => (task.key === key ? change(task) : task)) }));
  }

  function clearError(id: string) {
    if (!(id in errors)) return;
    setErrors(({ [id]: _gone, ...rest }) => rest);
  }

  function move(stepIndex: number, taskIndex: number, delta: -1 | 1) {
    const tasks = draft.steps[stepIndex]!.tasks;
    const to = taskIndex + delta;
    const task = tasks[taskIndex];
    if (!task || to < 0 || to >= tasks.length) return;
    updateStep(stepIndex, (s) => {
      const reordered = [...s.tasks];
      reordered.splice(taskIndex, 1);
      reordered.splice(to, 0, task);
      return { ...s, tasks: reordered };
    });
    // Keep the keyboard on the moved task's button; at the end of the list, on the other one.
    const atEnd = to === 0 || to === tasks.length - 1;
    const direction = delta < 0 ? (atEnd ? 'down' : 'up') : atEnd ? 'up' : 'down';
    pendingFocus.current = ids.task(task.key, direction);
    setAnnouncement(t('protocol.editor.moved', { text: task.text.trim() || t('protocol.editor.task', { number: to + 1 }), position: to + 1, count: tasks.length }));
  }

  function retireOrRemove(stepIndex: number, taskIndex: number) {
    const step = draft.steps[stepIndex]!;
    const task = step.tasks[taskIndex]!;
    if (task.id === null) {
      // Never saved: nothing refers to it, so it may simply go.
      updateStep(stepIndex, (s) => ({ ...s, tasks: s.tasks.filter((other) => other.key !== task.key) }));
      pendingFocus.current = ids.addTask(step.id);
      return;
    }
    updateTask(stepIndex, task.key, (other) => ({ ...other, retired: !other.retired }));
    setAnnouncement(t(task.retired ? 'protocol.editor.restoredAnnounced' : 'protocol.editor.retiredAnnounced', { number: taskIndex + 1 }));
  }

  function addTask(stepIndex: number) {
    const key = nextKey();
    updateStep(stepIndex, (s) => ({ ...s, tasks: [...s.tasks, { key, id: null, form: null, text: '', help: '', showHelp: false, retired: false }] }));
    pendingFocus.current = ids.task(key, 'text');
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    setUnchanged(false);
    const edit = editOf(draft);
    // The same check the server makes, so that each problem shows beside its field before sending.
    const check = checkRevision(current.content, edit, () => 'new');
    if (check.kind === 'invalid') {
      const found = fieldErrorsOf(draft, check.problems, t);
      setErrors(found);
      const count = Object.keys(found).length;
      setProblem(count > 0 ? { kind: 'fields', count } : { kind: 'server', error: null, fieldId: null });
      pendingFocus.current = 'first-invalid';
      return;
    }
    setErrors({});
    setProblem(null);
    if (check.kind === 'unchanged') {
      setUnchanged(true);
      return;
    }
    mutation.mutate({ basedOnVersion: current.version, ...edit, changeNote: draft.changeNote });
  }

  async function stop() {
    const dirty = JSON.stringify(editOf(draft)) !== JSON.stringify(editOf(initial)) || draft.changeNote.trim() !== '';
    if (dirty) {
      const yes = await confirm({ title: t('protocol.editor.discardTitle'), body: <p>{t('protocol.editor.discardText')}</p>, confirmLabel: t('protocol.editor.discard') });
      if (!yes) return;
    }
    onStop();
  }

  const invalid = (id: string) => id in errors || (problem?.kind === 'server' && problem.fieldId === id);

  function principlesField(which: PrincipleField, title: string) {
    const id = ids.principles(which);
    const value = draft[which];
    return (
      <TextAreaField
        id={id}
        label={title}
        hint={t('protocol.editor.principlesHint')}
        rows={Math.max(4, value.split('\n').length + 1)}
        value={value}
        onChange={(event) => {
          const text = event.target.value;
          clearError(id);
          update((d) => ({ ...d, [which]: text }));
        }}
        error={errors[id] ?? null}
        invalid={invalid(id)}
      />
    );
  }

  return (
    <form
      ref={formRef}
      className="form protocol-editor"
      noValidate
      onSubmit={submit}
      onKeyDown={(event) => {
        // The form is many screens long: Enter in a field does not save the whole route by surprise.
        if (event.key === 'Enter' && event.target instanceof HTMLInputElement && event.target.id !== ids.changeNote) event.preventDefault();
      }}
      aria-labelledby="protocol-editor-title"
      data-testid="protocol-editor"
    >
      <section className="card">
        <div className="fieldset">
          <h2 id="protocol-editor-title" ref={titleRef} tabIndex={-1} className="section-title protocol-editor-title">
            {t('protocol.editor.title')}
          </h2>
          <p className="fieldset-intro">{t('protocol.editor.intro', { next })}</p>
          <TextField
            id={ids.reminder}
            label={t('protocol.editor.reminder')}
            hint={t('protocol.editor.reminderHint')}
            value={draft.reminder}
            onChange={(event) => {
              const text = event.target.value;
              clearError(ids.reminder);
              update((d) => ({ ...d, reminder: text }));
            }}
            error={errors[ids.reminder] ?? null}
            invalid={invalid(ids.reminder)}
          />
        </div>
      </section>

      {draft.steps.map((step, stepIndex) => (
        <section key={step.id} className="card" data-testid="protocol-edit-step" data-step={step.id}>
          <fieldset className="fieldset">
            <legend className="legend legend-spaced protocol-edit-legend">
              <StepBadge number={step.number} title={step.title} />
              {step.title.trim() || (step.number > 0 ? t('protocol.stepNumber', { number: step.number }) : t('protocol.preventive'))}
            </legend>
            <TextField
              id={ids.stepTitle(step.id)}
              label={t('protocol.editor.stepTitle')}
              value={step.title}
              onChange={(event) => {
                const text = event.target.value;
                clearError(ids.stepTitle(step.id));
                updateStep(stepIndex, (s) => ({ ...s, title: text }));
              }}
              error={errors[ids.stepTitle(step.id)] ?? null}
              invalid={invalid(ids.stepTitle(step.id))}
            />
            <TextField
              id={ids.stepNote(step.id)}
              label={t('protocol.editor.stepNote')}
              hint={t('protocol.editor.stepNoteHint')}
              value={step.note}
              onChange={(event) => {
                const text = event.target.value;
                updateStep(stepIndex, (s) => ({ ...s, note: text }));
              }}
              invalid={invalid(ids.stepNote(step.id))}
            />
            <h3 id={`protocol-step-${step.id}-tasks`} className="protocol-edit-tasks-title">
              {t('protocol.editor.tasks')}
            </h3>
            <ol className="protocol-edit-tasks" aria-labelledby={`protocol-step-${step.id}-tasks`}>
              {step.tasks.map((task, taskIndex) => {
                const number = taskIndex + 1;
                const ref = <span className="sr-only">: {t('protocol.editor.taskRef', { number })}</span>;
                const textId = ids.task(task.key, 'text');
                const helpId = ids.task(task.key, 'help');
                return (
                  <li key={task.key} className="protocol-edit-task" data-testid="protocol-edit-task" data-task={task.id ?? ''} data-retired={task.retired}>
                    <div className="protocol-edit-task-body">
                      {task.retired ? (
                        <>
                          <p className="protocol-retired-heading">
                            <span className="field-label">{t('protocol.editor.task', { number })}</span> <span className="badge badge-off">{t('protocol.editor.retired')}</span>
                          </p>
                          <p className="protocol-retired-text">
                            <s>{task.text}</s>
                          </p>
                          <p className="field-hint">{t('protocol.editor.retiredNote')}</p>
                        </>
                      ) : (
                        <>
                          {/* A textarea so that a long task is seen whole; it stays one line of text. */}
                          <TextAreaField
                            id={textId}
                            label={t('protocol.editor.task', { number })}
                            hint={task.form ? t('protocol.editor.taskForm') : undefined}
                            className="protocol-task-input"
                            rows={task.text.length > 70 ? 2 : 1}
                            value={task.text}
                            onKeyDown={(event) => {
                              if (event.key === 'Enter') event.preventDefault();
                            }}
                            onChange={(event) => {
                              const text = event.target.value.replace(/\s*\n\s*/g, ' ');
                              clearError(textId);
                              updateTask(stepIndex, task.key, (other) => ({ ...other, text }));
                            }}
                            error={errors[textId] ?? null}
                            invalid={invalid(textId)}
                          />
                          {task.showHelp ? (
                            <TextAreaField
                              id={helpId}
                              label={t('protocol.editor.taskHelp', { number })}
                              hint={t('protocol.editor.taskHelpHint')}
                              rows={3}
                              value={task.help}
                              onChange={(event) => {
                                const help = event.target.value;
                                clearError(helpId);
                                updateTask(stepIndex, task.key, (other) => ({ ...other, help }));
                              }}
                              error={errors[helpId] ?? null}
                              invalid={invalid(helpId)}
                            />
                          ) : (
                            <button
                              id={ids.task(task.key, 'add-help')}
                              type="button"
                              className="link-button small protocol-add-help"
                              onClick={() => {
                                updateTask(stepIndex, task.key, (other) => ({ ...other, showHelp: true }));
                                pendingFocus.current = helpId;
                              }}
                            >
                              {t('protocol.editor.addHelp')}
                              {ref}
                            </button>
                          )}
                        </>
                      )}
                    </div>
                    <div className="protocol-edit-task-actions">
                      <button
                        id={ids.task(task.key, 'up')}
                        type="button"
                        className="button button-secondary button-compact"
                        data-testid="protocol-task-up"
                        disabled={taskIndex === 0}
                        onClick={() => move(stepIndex, taskIndex, -1)}
                      >
                        <span aria-hidden="true">↑</span> {t('protocol.editor.moveUp')}
                        {ref}
                      </button>
                      <button
                        id={ids.task(task.key, 'down')}
                        type="button"
                        className="button button-secondary button-compact"
                        data-testid="protocol-task-down"
                        disabled={taskIndex === step.tasks.length - 1}
                        onClick={() => move(stepIndex, taskIndex, 1)}
                      >
                        <span aria-hidden="true">↓</span> {t('protocol.editor.moveDown')}
                        {ref}
                      </button>
                      <button
                        id={ids.task(task.key, 'retire')}
                        type="button"
                        className={task.retired ? 'button button-secondary button-compact' : 'button button-danger-outline button-compact'}
                        data-testid="protocol-task-retire"
                        onClick={() => retireOrRemove(stepIndex, taskIndex)}
                      >
                        {task.id === null ? t('protocol.editor.removeNew') : task.retired ? t('protocol.editor.restore') : t('protocol.editor.retire')}
                        {ref}
                      </button>
                    </div>
                  </li>
                );
              })}
            </ol>
            <div>
              <button id={ids.addTask(step.id)} type="button" className="button button-secondary" data-testid="protocol-task-add" onClick={() => addTask(stepIndex)}>
                <span aria-hidden="true">+</span> {t('protocol.editor.addTask')}
                <span className="sr-only">: {step.title.trim() || t('protocol.stepNumber', { number: step.number })}</span>
              </button>
            </div>
          </fieldset>
        </section>
      ))}

      <section className="card">
        <fieldset className="fieldset">
          <legend className="legend legend-spaced">{t('protocol.editor.principlesLegend')}</legend>
          {principlesField('taskDivision', current.content.taskDivisionPrinciples.title)}
          {principlesField('parentConversation', current.content.parentConversationPrinciples.title)}
        </fieldset>
      </section>

      <section className="card">
        <fieldset className="fieldset">
          <legend className="legend legend-spaced">{t('protocol.editor.saveLegend')}</legend>
          <TextField
            id={ids.changeNote}
            label={t('protocol.editor.changeNote')}
            hint={t('protocol.editor.changeNoteHint')}
            maxLength={500}
            value={draft.changeNote}
            onChange={(event) => {
              const text = event.target.value;
              update((d) => ({ ...d, changeNote: text }));
            }}
          />
          {/* Beside the button that was pressed: the form is many screens long. */}
          {unchanged && <Notice tone="info">{t('protocol.editor.unchanged')}</Notice>}
          {problem?.kind === 'fields' && <ErrorAlert error={{ message: t('protocol.editor.problems', { count: problem.count }) }} />}
          {problem?.kind === 'server' && <ErrorAlert error={problem.error ?? { message: t('errors.unexpected') }} />}
          {problem?.kind === 'conflict' && (
            <div className="protocol-conflict">
              <ErrorAlert error={problem.error} />
              <button type="button" className="button button-secondary" data-testid="protocol-conflict-leave" onClick={onStop}>
                {t('protocol.editor.conflictLeave')}
              </button>
            </div>
          )}
          <div className="button-row">
            <button type="submit" className="button button-primary" data-testid="protocol-save" disabled={mutation.isPending}>
              {mutation.isPending ? t('common.saving') : t('protocol.editor.save', { next })}
            </button>
            <button type="button" className="button button-secondary" data-testid="protocol-cancel" onClick={() => void stop()}>
              {t('protocol.editor.cancel')}
            </button>
          </div>
        </fieldset>
      </section>
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </form>
  );
}

/** Each problem's message, by the id of the field it is about. */
function fieldErrorsOf(draft: Draft, problems: readonly RevisionProblem[], t: TFunction): Record<string, string> {
  const found: Record<string, string> = {};
  const taskAt = (stepId: string, index: number) => draft.steps.find((s) => s.id === stepId)?.tasks[index];
  for (const problem of problems) {
    switch (problem.code) {
      case 'empty-title':
        found[ids.stepTitle(problem.stepId)] = t('protocol.editor.emptyTitle');
        break;
      case 'empty-text':
      case 'text-too-long': {
        const task = taskAt(problem.stepId, problem.index);
        if (!task) break;
        found[ids.task(task.key, 'text')] =
          problem.code === 'empty-text' ? t('protocol.editor.emptyText') : t('protocol.editor.textTooLong', { length: task.text.trim().length, max: TASK_TEXT_MAX });
        break;
      }
      case 'help-too-long': {
        const task = taskAt(problem.stepId, problem.index);
        if (task) found[ids.task(task.key, 'help')] = t('protocol.editor.helpTooLong', { length: task.help.trim().length, max: HELP_TEXT_MAX });
        break;
      }
      case 'empty-reminder':
        found[ids.reminder] = t('protocol.editor.emptyReminder');
        break;
      case 'principle-too-long':
        for (const which of ['taskDivision', 'parentConversation'] as const) {
          if (draft[which].split('\n').some((line) => line.trim().length > PRINCIPLE_MAX)) found[ids.principles(which)] = t('protocol.editor.principleTooLong', { max: PRINCIPLE_MAX });
        }
        break;
      default:
        // Removing or moving a task between steps: this form cannot do either.
        break;
    }
  }
  return found;
}

/** The form field a server error names ("steps.2.tasks.3.text", "standingReminder"), if it is one. */
function fieldIdOf(draft: Draft, field: string | undefined): string | null {
  if (!field) return null;
  if (field === 'standingReminder') return ids.reminder;
  const [, stepIndex, part, taskIndex, taskPart] = field.split('.');
  const step = draft.steps[Number(stepIndex)];
  if (!field.startsWith('steps.') || !step) return null;
  if (part === 'title') return ids.stepTitle(step.id);
  const task = step.tasks[Number(taskIndex)];
  if (part === 'tasks' && task && (taskPart === 'text' || taskPart === 'help')) return ids.task(task.key, taskPart);
  return null;
}
