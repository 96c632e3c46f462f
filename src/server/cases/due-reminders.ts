import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { feedbackReminderOn } from '../../domain/cases/working-days.js';
import type { AppContext } from '../app-context.js';

/** The moment a due date's reminder appears: 07:00 in the Netherlands, before school starts. */
export function reminderTime(dueOn: string): Date {
  // Amsterdam is UTC+1 in winter and UTC+2 in summer; 05:00 UTC is 06:00 or 07:00 there — early enough either way.
  return new Date(`${dueOn}T05:00:00Z`);
}

const keyOf = (entryId: string, dueOn: string) => `agreement:${entryId}:${dueOn}`;

/**
 * Schedules the reminder of an agreement for its owner. A correction passes the previous due date:
 * its reminder is cancelled (if it has not run) and one for the new date is scheduled — or none,
 * when the agreement is done.
 */
export async function scheduleAgreementReminder(
  ctx: AppContext,
  agreement: { entryId: string; caseId: string; schoolId: string; ownerUserId: string; dueOn: string; purpose: 'task-division' | 'monitoring' | 'aftercare'; done: boolean },
  executor: Kysely<Database>,
  previousDueOn: string | null = null,
): Promise<void> {
  const dedupeKey = keyOf(agreement.entryId, agreement.dueOn);
  if (previousDueOn) await ctx.jobs.cancel(keyOf(agreement.entryId, previousDueOn), executor);
  if (agreement.done) {
    await ctx.jobs.cancel(dedupeKey, executor);
    return;
  }
  await ctx.jobs.schedule(
    {
      kind: 'notification.due',
      payload: {
        userId: agreement.ownerUserId,
        schoolId: agreement.schoolId,
        kind: agreement.purpose === 'monitoring' ? 'monitoring.due' : 'agreement.due',
        caseId: agreement.caseId,
        subjectId: agreement.entryId,
        dueOn: agreement.dueOn,
      },
      runAt: reminderTime(agreement.dueOn),
      dedupeKey,
    },
    executor,
  );
}

const feedbackKey = (reportEntryId: string) => `report-feedback:${reportEntryId}`;

/**
 * Five working days after a report, the casushouder is reminded when no feedback from Veilig Thuis
 * is recorded (issue 6): Veilig Thuis tells the reporter what it did, and the file should say so.
 */
export async function scheduleFeedbackReminder(
  ctx: AppContext,
  report: { entryId: string; caseId: string; schoolId: string; casushouderId: string; reportedOn: string },
  executor: Kysely<Database>,
): Promise<void> {
  const dueOn = feedbackReminderOn(report.reportedOn);
  await ctx.jobs.schedule(
    {
      kind: 'notification.due',
      payload: { userId: report.casushouderId, schoolId: report.schoolId, kind: 'report.feedback-due', caseId: report.caseId, subjectId: report.entryId, dueOn },
      runAt: reminderTime(dueOn),
      dedupeKey: feedbackKey(report.entryId),
    },
    executor,
  );
}

/** Feedback recorded: no reminder about any report of this case is needed any more. */
export async function cancelFeedbackReminders(ctx: AppContext, caseId: string, executor: Kysely<Database>): Promise<void> {
  const reports = (await ctx.repos.cases.entryVersions(caseId, executor)).filter((v) => v.kind === 'report');
  for (const report of reports) await ctx.jobs.cancel(feedbackKey(report.entryId), executor);
}

/** Before a verwijsindex registration lapses, the casushouder decides whether to register again. */
export async function scheduleRiskIndexReminder(
  ctx: AppContext,
  registration: { entryId: string; caseId: string; schoolId: string; casushouderId: string; reminderOn: string; activeUntil: string },
  executor: Kysely<Database>,
): Promise<void> {
  await ctx.jobs.schedule(
    {
      kind: 'notification.due',
      payload: { userId: registration.casushouderId, schoolId: registration.schoolId, kind: 'risk-index.lapsing', caseId: registration.caseId, subjectId: registration.entryId, dueOn: registration.activeUntil },
      runAt: reminderTime(registration.reminderOn),
      dedupeKey: `risk-index:${registration.entryId}`,
    },
    executor,
  );
}

const reviewKey = (entryId: string) => `aftercare-review:${entryId}`;

/** An aftercare review planned for a date reminds the casushouder that day, until it is held. */
export async function scheduleReviewReminder(
  ctx: AppContext,
  review: { entryId: string; caseId: string; schoolId: string; casushouderId: string | null; dueOn: string; held: boolean },
  executor: Kysely<Database>,
): Promise<void> {
  await ctx.jobs.cancel(reviewKey(review.entryId), executor);
  if (review.held || review.casushouderId === null) return;
  await ctx.jobs.schedule(
    {
      kind: 'notification.due',
      payload: { userId: review.casushouderId, schoolId: review.schoolId, kind: 'aftercare.review-due', caseId: review.caseId, subjectId: review.entryId, dueOn: review.dueOn },
      runAt: reminderTime(review.dueOn),
      dedupeKey: reviewKey(review.entryId),
    },
    executor,
  );
}

/**
 * Not holding the parent conversation is a decision for now: on the date the team set, the
 * casushouder is asked to look again. A later decision moves the reminder (one per case).
 */
export async function scheduleReconsiderReminder(
  ctx: AppContext,
  decision: { caseId: string; schoolId: string; casushouderId: string | null; reconsiderOn: string | null },
  executor: Kysely<Database>,
): Promise<void> {
  const dedupeKey = `parent-conversation-reconsider:${decision.caseId}`;
  await ctx.jobs.cancel(dedupeKey, executor);
  if (!decision.reconsiderOn || decision.casushouderId === null) return;
  await ctx.jobs.schedule(
    {
      kind: 'notification.due',
      payload: { userId: decision.casushouderId, schoolId: decision.schoolId, kind: 'parent-conversation.reconsider', caseId: decision.caseId, dueOn: decision.reconsiderOn },
      runAt: reminderTime(decision.reconsiderOn),
      dedupeKey,
    },
    executor,
  );
}
