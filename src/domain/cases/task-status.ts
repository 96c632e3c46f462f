import type { EntryKind } from './case-entry.js';
import type { ProtocolContent, ProtocolTask, TaskForm } from './protocol/protocol.js';

/** What a case has recorded, as far as the task list needs to know. */
export interface RecordedFacts {
  /** The latest explicit choice per task: done or not applicable, with who, when and a note. */
  taskChoices: ReadonlyMap<string, TaskChoice>;
  /** How many current entries of each kind the case holds. */
  entryCounts: ReadonlyMap<EntryKind, number>;
  hasCasushouder: boolean;
  escalationDecision: 'report-now' | 'no-report-now' | null;
}

export interface TaskChoice {
  outcome: 'done' | 'not-applicable';
  note: string | null;
  by: string;
  at: string;
}

export type TaskStatus =
  | { state: 'open' }
  | { state: 'recorded'; count: number }
  | { state: 'done' | 'not-applicable'; note: string | null; by: string; at: string };

const FORM_ENTRY_KIND: Partial<Record<TaskForm, EntryKind>> = {
  signal: 'signal',
  kindcheck: 'kindcheck',
  consultation: 'consultation',
  'pupil-conversation': 'pupil-conversation',
  'parent-conversation': 'parent-conversation',
  agreements: 'agreement',
  'veilig-thuis-advice': 'veilig-thuis-advice',
};

/**
 * A task's state. "Doe de stappen die nodig zijn": nothing here gates anything. A person's explicit
 * choice wins; otherwise a task whose form has been used counts as recorded.
 */
export function taskStatus(task: ProtocolTask, facts: RecordedFacts): TaskStatus {
  const choice = facts.taskChoices.get(task.id);
  if (choice) return { state: choice.outcome, note: choice.note, by: choice.by, at: choice.at };
  if (task.form === 'team') return facts.hasCasushouder ? { state: 'recorded', count: 1 } : { state: 'open' };
  if (task.form === 'escalation-decision') {
    if (task.id === 's3.geen-melding') return facts.escalationDecision === 'no-report-now' ? { state: 'recorded', count: 1 } : { state: 'open' };
    return facts.escalationDecision ? { state: 'recorded', count: 1 } : { state: 'open' };
  }
  const kind = task.form ? FORM_ENTRY_KIND[task.form] : undefined;
  const count = kind ? (facts.entryCounts.get(kind) ?? 0) : 0;
  return count > 0 ? { state: 'recorded', count } : { state: 'open' };
}

/** The steps of a case with the status of each task a case shows (retired tasks only when used). */
export function stepsWithStatus(content: ProtocolContent, facts: RecordedFacts) {
  return content.steps
    .filter((s) => s.id !== 'preventive')
    .map((step) => ({
      ...step,
      tasks: step.tasks.filter((t) => !t.retired || facts.taskChoices.has(t.id)).map((task) => ({ ...task, status: taskStatus(task, facts) })),
    }));
}
