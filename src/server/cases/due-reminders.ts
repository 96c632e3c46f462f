import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
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
  agreement: { entryId: string; caseId: string; schoolId: string; ownerUserId: string; dueOn: string; purpose: 'task-division' | 'monitoring'; done: boolean },
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
