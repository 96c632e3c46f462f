import { z } from 'zod';
import { LEGAL_HOLD_GROUNDS } from '../domain/retention/legal-hold.js';
import { MAX_TERM_YEARS, MIN_TERM_YEARS } from '../domain/retention/retention-term.js';

const id = z.string().min(1).max(64);
const person = z.object({ userId: z.string(), name: z.string() });

export const legalHoldGround = z.enum(LEGAL_HOLD_GROUNDS);

/** The school's retention term: years after the pupil left; `setBy` null while it is the default. */
export const retentionTerm = z.object({
  years: z.number().int(),
  isDefault: z.boolean(),
  setBy: person.nullable(),
  setAt: z.string().nullable(),
});

/** A closed case on the school's list: the pupil's name and dates only, never content. */
export const retentionItem = z.object({
  caseId: z.string(),
  pupilName: z.string(),
  /** The day the case was started, as the school counts it. */
  startedOn: z.string(),
  closedOn: z.string(),
  pupilLeftOn: z.string(),
  dueOn: z.string(),
});

export const dueRetentionItem = retentionItem.extend({
  /** The day an unconfirmed destruction is (or was) raised to directie. */
  escalateOn: z.string(),
  escalated: z.boolean(),
});

/** The content-free record that a case was destroyed. */
export const destructionRecord = z.object({
  caseId: z.string(),
  startedOn: z.string(),
  closedOn: z.string(),
  dueOn: z.string(),
  termYears: z.number().int(),
  termSetBy: person.nullable(),
  confirmedBy: person,
  destroyedAt: z.string(),
});

export const retentionOverviewResponse = z.object({
  today: z.string(),
  term: retentionTerm,
  due: z.array(dueRetentionItem),
  upcoming: z.array(retentionItem),
  /** Closed cases kept because a legal hold is on (no dates of leaving needed). */
  heldCount: z.number().int().min(0),
  /** Closed cases whose pupil has not left: kept until the term after leaving. */
  pupilNotLeftCount: z.number().int().min(0),
  destructions: z.array(destructionRecord),
  abilities: z.object({ setTerm: z.boolean(), destroy: z.boolean() }),
});
export type RetentionOverview = z.infer<typeof retentionOverviewResponse>;

export const retentionTermRequest = z.strictObject({
  years: z.number().int().min(MIN_TERM_YEARS).max(MAX_TERM_YEARS),
});

export const retentionCaseParams = z.object({ caseId: id });

export const destroyResponse = z.object({ ok: z.literal(true), destroyedAt: z.string() });

export const legalHoldRequest = z.strictObject({ ground: legalHoldGround });

/** Where one case stands in its retention, for the case page. */
export const caseRetentionResponse = z.object({
  status: z.enum(['not-closed', 'pupil-not-left', 'held', 'kept', 'upcoming', 'due']),
  termYears: z.number().int(),
  dueOn: z.string().nullable(),
  hold: z.object({ ground: legalHoldGround, setBy: person, setAt: z.string() }).nullable(),
  abilities: z.object({ legalHold: z.boolean() }),
});
export type CaseRetention = z.infer<typeof caseRetentionResponse>;
