import type { CasePhase, CaseProgress } from './case-progress.js';
import type { LocalisedText } from './signals/signal-catalogue.js';

/**
 * Closing and reopening a case. A case closes with one reason from a fixed list (ids are stable:
 * a closed case keeps its reason as long as it is kept); a closed case is read-only, and the only
 * change it takes is being reopened, with a reason. An unfounded suspicion is a closing reason of
 * its own, because the file must say so explicitly (reference §10.1).
 */
export const CLOSING_REASONS = [
  'suspicion-unfounded',
  'concerns-resolved',
  'aftercare-completed',
  'reported-and-handed-over',
  'pupil-left-school',
  'other',
] as const;
export type ClosingReason = (typeof CLOSING_REASONS)[number];

export interface ClosingReasonDetails {
  readonly label: LocalisedText;
  /** Whether the reason needs words of its own; `prompt` asks for them. */
  readonly explanation: 'required' | 'optional';
  readonly prompt: LocalisedText;
}

export const CLOSING_REASON_DETAILS: Readonly<Record<ClosingReason, ClosingReasonDetails>> = {
  // Required: an unfounded suspicion recorded without what showed it is no record at all, and a
  // sibling's case may be read against this one years later.
  'suspicion-unfounded': {
    label: { nl: 'Vermoeden onterecht gebleken', en: 'Suspicion proved unfounded' },
    explanation: 'required',
    prompt: { nl: 'Waaruit bleek dat het vermoeden onterecht was?', en: 'What showed that the suspicion was unfounded?' },
  },
  'concerns-resolved': {
    label: { nl: 'Zorgen weggenomen zonder melding (hulp loopt)', en: 'Concerns resolved without a report (help in place)' },
    explanation: 'optional',
    prompt: { nl: 'Welke hulp loopt er, en wie houdt contact?', en: 'What help is in place, and who keeps in touch?' },
  },
  'aftercare-completed': {
    label: { nl: 'Afgerond na nazorg', en: 'Completed after aftercare' },
    explanation: 'optional',
    prompt: { nl: 'Hoe gaat het nu met de leerling?', en: 'How is the pupil doing now?' },
  },
  'reported-and-handed-over': {
    label: { nl: 'Melding gedaan en overgedragen', en: 'Reported and handed over' },
    explanation: 'optional',
    prompt: { nl: 'Aan wie is de zorg overgedragen (Veilig Thuis, wijkteam, jeugdbescherming)?', en: 'Who took over the care (Veilig Thuis, wijkteam, youth protection)?' },
  },
  // Required: a worry does not stop when the pupil leaves; the file says who has it now.
  'pupil-left-school': {
    label: { nl: 'Leerling verhuisd of van school (overgedragen)', en: 'Pupil moved or left the school (handed over)' },
    explanation: 'required',
    prompt: { nl: 'Aan wie is de zorg overgedragen (nieuwe school, Veilig Thuis, wijkteam)?', en: 'Who was the care handed over to (new school, Veilig Thuis, wijkteam)?' },
  },
  other: {
    label: { nl: 'Anders', en: 'Other' },
    explanation: 'required',
    prompt: { nl: 'Licht de reden toe.', en: 'Explain the reason.' },
  },
};

export function isClosingReason(value: string): value is ClosingReason {
  return (CLOSING_REASONS as readonly string[]).includes(value);
}

/** A review moment of the aftercare (step 6): when it is due and when it was held. */
export interface AftercareReview {
  /** yyyy-mm-dd */
  dueOn: string;
  /** yyyy-mm-dd, or null while it has not been held. */
  heldOn: string | null;
}

/** What closing needs to know of a case. */
export interface CloseFacts {
  phase: CasePhase;
  reason: ClosingReason | null;
  explanation: string;
  /** Whether the case has entered aftercare (step 6). */
  inAftercare: boolean;
  aftercareReviews: readonly AftercareReview[];
}

export type CloseProblem =
  | { code: 'already-closed' }
  | { code: 'reason-required' }
  | { code: 'reason-unknown' }
  | { code: 'explanation-required' }
  | { code: 'aftercare-review-missing' }
  | { code: 'aftercare-review-pending'; dueOn: string };

/**
 * Whether a case may close. A case in aftercare stays open until its last review (the one due
 * last) has been held: closing earlier would end the monitoring the school agreed to. A pupil who
 * left the school is the exception — this school can no longer monitor, and the handover the
 * reason requires takes the place of the reviews still to come.
 */
export function checkClose(facts: CloseFacts): CloseProblem[] {
  const problems: CloseProblem[] = [];
  if (facts.phase === 'closed') problems.push({ code: 'already-closed' });
  if (facts.reason === null) problems.push({ code: 'reason-required' });
  else if (!isClosingReason(facts.reason)) problems.push({ code: 'reason-unknown' });
  else if (CLOSING_REASON_DETAILS[facts.reason].explanation === 'required' && facts.explanation.trim() === '') problems.push({ code: 'explanation-required' });
  if (facts.inAftercare && facts.reason !== 'pupil-left-school') {
    const last = lastReview(facts.aftercareReviews);
    if (last === null) problems.push({ code: 'aftercare-review-missing' });
    else if (last.heldOn === null) problems.push({ code: 'aftercare-review-pending', dueOn: last.dueOn });
  }
  return problems;
}

function lastReview(reviews: readonly AftercareReview[]): AftercareReview | null {
  return reviews.reduce<AftercareReview | null>((last, r) => (last === null || r.dueOn >= last.dueOn ? r : last), null);
}

export type ReopenProblem = { code: 'not-closed' } | { code: 'reason-required' };

/** Reopening takes a closed case and a reason in words. */
export function checkReopen(phase: CasePhase, reason: string): ReopenProblem[] {
  const problems: ReopenProblem[] = [];
  if (phase !== 'closed') problems.push({ code: 'not-closed' });
  if (reason.trim() === '') problems.push({ code: 'reason-required' });
  return problems;
}

/** A case closes at the step it had reached, so its history reads as it happened. */
export function closedProgress(progress: CaseProgress): CaseProgress {
  return { ...progress, phase: 'closed' };
}

/**
 * A reopened case is worked on again at the step it had reached. It opens as `open`, not as
 * `monitoring`: whatever made someone reopen it is new, and the team looks at it afresh.
 */
export function reopenedProgress(progress: CaseProgress): CaseProgress {
  return { ...progress, phase: 'open' };
}

/**
 * The changes that can be asked of a case, named like the access actions.
 */
export const CASE_CHANGES = ['case.write', 'case.escalate', 'case.decide', 'case.report', 'case.risk-index', 'case.close', 'case.reopen'] as const;
export type CaseChange = (typeof CASE_CHANGES)[number];

/** A closed case is read-only: the one change it takes is being reopened. */
export function mayChangeClosedCase(change: CaseChange): boolean {
  return change === 'case.reopen';
}
