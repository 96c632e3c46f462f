import { z } from 'zod';
import { STEP_IDS, TASK_FORMS } from '../domain/cases/protocol/protocol.js';
import type { RevisionProblem } from '../domain/cases/protocol/revise-protocol.js';

/**
 * The school's route (stappenplan) over HTTP: the current version, older versions (read-only), and
 * a change that saves the next version. Lengths are checked by the domain (reviseProtocol), which
 * names the step and task; the limits here only keep absurd requests out.
 */

const person = z.object({ userId: z.string(), name: z.string() });

export const protocolTask = z.object({
  /** Stable across versions: a case refers to a task by its id. */
  id: z.string(),
  text: z.string(),
  help: z.string().nullable(),
  /** A task Meldpad records with its own form (a signal, the team, …); null for a plain task. */
  form: z.enum(TASK_FORMS).nullable(),
  /** Kept in the version for the cases that refer to it; new cases do not show it. */
  retired: z.boolean(),
});

export const protocolStep = z.object({
  id: z.enum(STEP_IDS),
  /** 0 for the preventive layer, otherwise 1–6. */
  number: z.number(),
  title: z.string(),
  /** A line above the tasks, e.g. "Doe de stappen die nodig zijn." */
  note: z.string().nullable(),
  tasks: z.array(protocolTask),
});

const principles = z.object({ title: z.string(), items: z.array(z.string()) });

export const protocolContent = z.object({
  steps: z.array(protocolStep),
  standingReminder: z.string(),
  taskDivisionPrinciples: principles,
  parentConversationPrinciples: principles,
});
export type ProtocolContentBody = z.infer<typeof protocolContent>;

/** One saved version of the school's route. */
export const protocolVersionResponse = z.object({
  version: z.number(),
  /** The school's newest version: the one new cases start under. */
  latestVersion: z.number(),
  content: protocolContent,
  createdAt: z.string(),
  /** Null for version 1, Meldpad's default route. */
  createdBy: person.nullable(),
  changeNote: z.string().nullable(),
});
export type ProtocolVersionResponse = z.infer<typeof protocolVersionResponse>;

export const currentProtocolResponse = protocolVersionResponse.extend({
  abilities: z.object({ 'protocol.manage': z.boolean() }),
});
export type CurrentProtocolResponse = z.infer<typeof currentProtocolResponse>;

export const protocolVersionsResponse = z.object({
  /** Newest first. */
  versions: z.array(
    z.object({
      version: z.number(),
      createdAt: z.string(),
      createdBy: person.nullable(),
      changeNote: z.string().nullable(),
    }),
  ),
});
export type ProtocolVersionsResponse = z.infer<typeof protocolVersionsResponse>;

export const protocolVersionParams = z.object({ version: z.string().regex(/^[1-9]\d{0,8}$/, 'een versienummer (1, 2, 3, …)') });

const editedTask = z.object({
  /** Null for a task added in this edit. */
  id: z.string().min(1).max(200).nullable(),
  text: z.string().max(5_000),
  help: z.string().max(20_000).nullable(),
  retired: z.boolean(),
});

const editedStep = z.object({
  id: z.string().max(40),
  title: z.string().max(2_000),
  note: z.string().max(2_000).nullable(),
  tasks: z.array(editedTask).max(100),
});

/** The edited route (all steps, in order; every task, retired ones too) and the version it was based on. */
export const reviseProtocolRequest = z.object({
  basedOnVersion: z.number().int().min(1),
  steps: z.array(editedStep).max(STEP_IDS.length + 1),
  standingReminder: z.string().max(2_000),
  /** One principle per item; empty items are dropped. */
  taskDivisionPrinciples: z.array(z.string().max(5_000)).max(50),
  parentConversationPrinciples: z.array(z.string().max(5_000)).max(50),
  changeNote: z
    .string()
    .trim()
    .max(500)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
});
export type ReviseProtocolRequest = z.input<typeof reviseProtocolRequest>;

/** The new version's number, or `unchanged` (nothing saved) with the current one. */
export const reviseProtocolResponse = z.object({
  version: z.number(),
  unchanged: z.literal(true).optional(),
});
export type ReviseProtocolResponse = z.infer<typeof reviseProtocolResponse>;

/**
 * The field of the request a problem is about, as a path of the body ("steps.2.tasks.3.text"), so
 * that a form can show the message beside the field. Null for a problem about the route as a whole.
 */
export function revisionProblemField(problem: RevisionProblem): string | null {
  const step = (stepId: string) => (STEP_IDS as readonly string[]).indexOf(stepId);
  switch (problem.code) {
    case 'empty-title':
      return `steps.${step(problem.stepId)}.title`;
    case 'empty-text':
    case 'text-too-long':
      return `steps.${step(problem.stepId)}.tasks.${problem.index}.text`;
    case 'help-too-long':
      return `steps.${step(problem.stepId)}.tasks.${problem.index}.help`;
    case 'empty-reminder':
      return 'standingReminder';
    default:
      return null;
  }
}
