import { STEP_IDS, TASK_FORMS, type ProtocolContent, type ProtocolTask } from './protocol.js';

export const TASK_TEXT_MAX = 300;
export const HELP_TEXT_MAX = 2000;
export const TITLE_MAX = 200;
export const PRINCIPLE_MAX = 500;

/** A task as the editor sends it: a new task has no id yet. */
export interface EditedTask {
  id: string | null;
  text: string;
  help: string | null;
  retired: boolean;
}

export interface EditedStep {
  id: string;
  title: string;
  note: string | null;
  tasks: EditedTask[];
}

export interface EditedProtocol {
  steps: EditedStep[];
  standingReminder: string;
  taskDivisionPrinciples: string[];
  parentConversationPrinciples: string[];
}

export type RevisionProblem =
  | { code: 'steps-changed' }
  | { code: 'unknown-task'; taskId: string }
  | { code: 'task-removed'; taskId: string; text: string }
  | { code: 'task-moved-between-steps'; taskId: string }
  | { code: 'duplicate-task'; taskId: string }
  | { code: 'empty-text'; stepId: string; index: number }
  | { code: 'text-too-long'; stepId: string; index: number }
  | { code: 'help-too-long'; stepId: string; index: number }
  | { code: 'empty-title'; stepId: string }
  | { code: 'empty-reminder' }
  | { code: 'principle-too-long' };

export type Revision =
  | { kind: 'unchanged' }
  | { kind: 'revised'; content: ProtocolContent }
  | { kind: 'invalid'; problems: RevisionProblem[] };

const clean = (text: string | null): string | null => {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/**
 * Applies an edit to the current version. Steps are fixed; tasks may be reworded, reordered within
 * their step, added or retired — never removed, because cases started under an earlier version
 * still refer to them. A task keeps its form (a signal, the team, …); a new task has none.
 * `newTaskId` makes ids for added tasks (the caller passes randomness in).
 */
export function reviseProtocol(current: ProtocolContent, edit: EditedProtocol, newTaskId: () => string): Revision {
  const problems: RevisionProblem[] = [];
  if (edit.steps.map((s) => s.id).join() !== STEP_IDS.join()) return { kind: 'invalid', problems: [{ code: 'steps-changed' }] };

  const existing = new Map<string, { stepId: string; task: ProtocolTask }>();
  for (const step of current.steps) for (const task of step.tasks) existing.set(task.id, { stepId: step.id, task });
  const seen = new Set<string>();

  const steps = current.steps.map((step, stepIndex) => {
    const edited = edit.steps[stepIndex]!;
    const title = clean(edited.title);
    if (!title) problems.push({ code: 'empty-title', stepId: step.id });
    const tasks = edited.tasks.map((t, index): ProtocolTask => {
      const text = clean(t.text);
      const help = clean(t.help);
      if (!text) problems.push({ code: 'empty-text', stepId: step.id, index });
      else if (text.length > TASK_TEXT_MAX) problems.push({ code: 'text-too-long', stepId: step.id, index });
      if (help && help.length > HELP_TEXT_MAX) problems.push({ code: 'help-too-long', stepId: step.id, index });
      if (t.id === null) return { id: newTaskId(), text: text ?? '', help, form: null, retired: t.retired };
      const before = existing.get(t.id);
      if (!before) problems.push({ code: 'unknown-task', taskId: t.id });
      else if (before.stepId !== step.id) problems.push({ code: 'task-moved-between-steps', taskId: t.id });
      if (seen.has(t.id)) problems.push({ code: 'duplicate-task', taskId: t.id });
      seen.add(t.id);
      return { id: t.id, text: text ?? '', help, form: before?.task.form ?? null, retired: t.retired };
    });
    return { ...step, title: title ?? step.title, note: clean(edited.note), tasks };
  });

  for (const [taskId, { task }] of existing) if (!seen.has(taskId)) problems.push({ code: 'task-removed', taskId, text: task.text });

  const standingReminder = clean(edit.standingReminder);
  if (!standingReminder) problems.push({ code: 'empty-reminder' });
  const principles = (items: string[]) => items.map((i) => i.trim()).filter((i) => i !== '');
  const taskDivision = principles(edit.taskDivisionPrinciples);
  const parentConversation = principles(edit.parentConversationPrinciples);
  if ([...taskDivision, ...parentConversation].some((p) => p.length > PRINCIPLE_MAX)) problems.push({ code: 'principle-too-long' });

  if (problems.length > 0) return { kind: 'invalid', problems };
  const content: ProtocolContent = {
    steps,
    standingReminder: standingReminder!,
    taskDivisionPrinciples: { ...current.taskDivisionPrinciples, items: taskDivision },
    parentConversationPrinciples: { ...current.parentConversationPrinciples, items: parentConversation },
  };
  return sameContent(current, content) ? { kind: 'unchanged' } : { kind: 'revised', content };
}

function sameContent(a: ProtocolContent, b: ProtocolContent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The tasks a case shows for a step: those not retired, plus retired ones the case already recorded. */
export function visibleTasks(tasks: readonly ProtocolTask[], recordedTaskIds: ReadonlySet<string>): ProtocolTask[] {
  return tasks.filter((t) => !t.retired || recordedTaskIds.has(t.id));
}

export function isTaskForm(value: string): value is (typeof TASK_FORMS)[number] {
  return (TASK_FORMS as readonly string[]).includes(value);
}
