import type { CaseRoute } from './case-route.js';

/**
 * Where a case stands. `step` is the route's step (1–6); `phase` says whether it is being worked on,
 * being monitored after "no report now", or closed.
 */
export type CasePhase = 'open' | 'monitoring' | 'closed';

export interface CaseProgress {
  route: CaseRoute;
  step: number;
  phase: CasePhase;
  casushouderId: string | null;
}

/** A meldcode case begins by mapping the signals (step 2); the staff route has no steps. */
export function initialProgress(route: CaseRoute): CaseProgress {
  return { route, step: route === 'meldcode' ? 2 : 1, phase: 'open', casushouderId: null };
}

/** A meldcode case escalated to step 3 or beyond, with a casushouder: what the later steps' decisions need. */
export function isEscalated(progress: CaseProgress): boolean {
  return progress.route === 'meldcode' && progress.casushouderId !== null && progress.step >= 3;
}

/** Forming the team with a casushouder escalates the case to step 3 (never back). */
export function afterTeamFormed(progress: CaseProgress, casushouderId: string): CaseProgress {
  return { ...progress, casushouderId, step: Math.max(progress.step, 3) };
}

export const ESCALATION_DECISIONS = ['report-now', 'no-report-now'] as const;
export type EscalationDecision = (typeof ESCALATION_DECISIONS)[number];

export interface MonitoringAgreement {
  dueOn: string;
}

export type DecisionProblem =
  | { code: 'not-meldcode' }
  | { code: 'not-escalated' }
  | { code: 'closed' }
  | { code: 'reasoning-required' }
  | { code: 'monitoring-required' }
  | { code: 'due-date-in-past'; index: number };

export type DecisionOutcome = { kind: 'decided'; progress: CaseProgress } | { kind: 'invalid'; problems: DecisionProblem[] };

/**
 * Step 3's weighing: is it so serious that we report at once? "Report now" moves the case to
 * step 5, where the next issue enters the decision into the afwegingskader (Q1 and Q2 yes). "No
 * report now" keeps it in step 3 under monitoring, which needs at least one agreement with a date.
 * Both need the reasoning in words. `today` is the school's date (yyyy-mm-dd).
 */
export function decideEscalation(
  progress: CaseProgress,
  decision: EscalationDecision,
  reasoning: string,
  monitoring: readonly MonitoringAgreement[],
  today: string,
): DecisionOutcome {
  const problems: DecisionProblem[] = [];
  if (progress.route !== 'meldcode') problems.push({ code: 'not-meldcode' });
  if (progress.phase === 'closed') problems.push({ code: 'closed' });
  if (progress.route === 'meldcode' && !isEscalated(progress)) problems.push({ code: 'not-escalated' });
  if (reasoning.trim().length === 0) problems.push({ code: 'reasoning-required' });
  if (decision === 'no-report-now') {
    if (monitoring.length === 0) problems.push({ code: 'monitoring-required' });
    monitoring.forEach((m, index) => {
      if (m.dueOn < today) problems.push({ code: 'due-date-in-past', index });
    });
  }
  if (problems.length > 0) return { kind: 'invalid', problems };
  return decision === 'report-now'
    ? { kind: 'decided', progress: { ...progress, step: 5, phase: 'open' } }
    : { kind: 'decided', progress: { ...progress, step: Math.max(progress.step, 3), phase: 'monitoring' } };
}

/**
 * Where a case stands after an answer in step 5: it is in step 5 while the weighing runs; help that
 * worked (aftercare) moves it to step 6 under monitoring. A closed weighing (no suspicion) leaves
 * the case open: closing it is a decision of its own, with the reason on file.
 */
export function afterWeighing(progress: CaseProgress, outcome: 'open' | 'closed-no-suspicion' | 'report' | 'help-started' | 'aftercare'): CaseProgress {
  if (outcome === 'aftercare') return { ...progress, step: 6, phase: 'monitoring' };
  return { ...progress, step: Math.max(progress.step, 5), phase: 'open' };
}
