/**
 * A school's meldcode route as data (glossary: `Protocol`, `ProtocolVersion`, `Step`, `Task`).
 * The steps are fixed — they follow the national basismodel — but a school words, orders, adds and
 * retires its own tasks. Phone numbers and local parties are school settings, never route text.
 */

/** The steps of the route: the preventive layer and steps 1–6. */
export const STEP_IDS = ['preventive', 's1', 's2', 's3', 's4', 's5', 's6'] as const;
export type StepId = (typeof STEP_IDS)[number];

/**
 * A task that Meldpad records with its own form (a signal, a conversation, the team, …); a task
 * without a form is marked done or not applicable with a note.
 */
export const TASK_FORMS = [
  'signal',
  'kindcheck',
  'consultation',
  'pupil-conversation',
  'parent-conversation',
  'team',
  'agreements',
  'veilig-thuis-advice',
  'escalation-decision',
] as const;
export type TaskForm = (typeof TASK_FORMS)[number];

export interface ProtocolTask {
  /** Stable across versions: a case refers to a task by its id. */
  id: string;
  text: string;
  help: string | null;
  form: TaskForm | null;
  /** A retired task stays in the version (old cases refer to it) but new cases do not show it. */
  retired: boolean;
}

export interface ProtocolStep {
  id: StepId;
  /** 0 for the preventive layer, otherwise 1–6. */
  number: number;
  title: string;
  /** A line above the tasks, e.g. "Doe de stappen die nodig zijn." */
  note: string | null;
  tasks: ProtocolTask[];
}

export interface ProtocolPrinciples {
  title: string;
  items: string[];
}

export interface ProtocolContent {
  steps: ProtocolStep[];
  /** Shown on every case page: "Zorg dat het voor de leerling veilig en leuk blijft op school". */
  standingReminder: string;
  /** The school's principles for the task division (step 3) and the parent conversation (step 4). */
  taskDivisionPrinciples: ProtocolPrinciples;
  parentConversationPrinciples: ProtocolPrinciples;
}

/** A saved version of a school's route. */
export interface ProtocolVersion {
  id: string;
  schoolId: string;
  version: number;
  content: ProtocolContent;
  changeNote: string | null;
  createdBy: string | null;
  createdAt: string;
}

export function stepOf(content: ProtocolContent, stepId: StepId): ProtocolStep {
  const step = content.steps.find((s) => s.id === stepId);
  if (!step) throw new Error(`protocol has no step ${stepId}`);
  return step;
}

export function findTask(content: ProtocolContent, taskId: string): { step: ProtocolStep; task: ProtocolTask } | null {
  for (const step of content.steps) {
    const task = step.tasks.find((t) => t.id === taskId);
    if (task) return { step, task };
  }
  return null;
}
