import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { retentionAgenda } from '../../domain/retention/due-date.js';
import { addDays } from '../../domain/cases/working-days.js';
import type { AppContext } from '../app-context.js';
import { reminderTime } from '../cases/due-reminders.js';
import type { JobHandlerContext } from '../jobs/job-runner.js';
import { notify } from '../notifications/notify.js';
import { schoolDate } from '../pupils/school-date.js';
import { factsOf } from './retention-facts.js';

/** One retention round per school day: the key makes scheduling a day twice one job. */
export const dailyKey = (day: string) => `retention.daily:${day}`;

/** A notification the daily round sends: to whom, about which case. */
interface PlannedNotice {
  userId: string;
  schoolId: string;
  kind: 'retention.due' | 'retention.escalated';
  caseId: string;
  dueOn: string;
}

/**
 * Makes sure the round runs: today's (at once when 07:00 has passed) unless it already exists, and
 * tomorrow's. Called at start-up; dedupe keys keep instances and restarts from doubling it.
 */
export async function ensureRetentionSchedule(ctx: AppContext): Promise<void> {
  const now = ctx.now();
  const today = schoolDate(now);
  if (!(await ctx.repos.jobs.findByDedupeKey(dailyKey(today)))) {
    const runAt = reminderTime(today) > now ? reminderTime(today) : now;
    await ctx.jobs.schedule({ kind: 'retention.daily', payload: { day: today }, runAt, dedupeKey: dailyKey(today) });
  }
  const tomorrow = addDays(today, 1);
  if (!(await ctx.repos.jobs.findByDedupeKey(dailyKey(tomorrow)))) {
    await ctx.jobs.schedule({ kind: 'retention.daily', payload: { day: tomorrow }, runAt: reminderTime(tomorrow), dedupeKey: dailyKey(tomorrow) });
  }
}

/**
 * What today's round tells whom: each IB'er of the school, once, that a case is due for
 * destruction; each member of directie, once, that a due destruction has waited 30 days without
 * confirmation. Reads only (the writes go in the job's transaction).
 */
export async function planRetentionNotices(ctx: AppContext, today: string): Promise<PlannedNotice[]> {
  const notices: PlannedNotice[] = [];
  for (const schoolId of await ctx.repos.retention.schoolIds()) {
    const cases = await ctx.repos.retention.closedCases(schoolId);
    if (cases.length === 0) continue;
    const term = await ctx.repos.retention.term(schoolId);
    const { due } = retentionAgenda(cases, factsOf, term.years, today);
    if (due.length === 0) continue;
    const staff = (await ctx.repos.staff.list({ schoolId, userId: '' })).filter((m) => m.deactivatedAt === null);
    const ibs = staff.filter((m) => m.roles.includes('ib')).map((m) => m.userId);
    const directie = staff.filter((m) => m.roles.includes('director')).map((m) => m.userId);
    for (const item of due) {
      for (const userId of ibs) notices.push({ userId, schoolId, kind: 'retention.due', caseId: item.item.caseId, dueOn: item.dueOn });
      if (item.escalated) for (const userId of directie) notices.push({ userId, schoolId, kind: 'retention.escalated', caseId: item.item.caseId, dueOn: item.dueOn });
    }
  }
  return notices;
}

/**
 * Sends what was planned and not sent before. The case goes in `subjectId`, not `caseId`: the
 * notification leads to the Bewaartermijnen page, and the IB'er need not be on the case's team.
 */
export async function sendRetentionNotices(ctx: AppContext, notices: readonly PlannedNotice[], tx: Kysely<Database>): Promise<number> {
  let sent = 0;
  for (const n of notices) {
    if (await ctx.repos.retention.wasNotified(n.userId, n.kind, n.caseId, tx)) continue;
    await notify(ctx, { userId: n.userId, schoolId: n.schoolId, kind: n.kind, subjectId: n.caseId, dueOn: n.dueOn }, tx);
    sent += 1;
  }
  return sent;
}

/** The round itself: notify and escalate, then schedule tomorrow's, all with the job's completion. */
export async function runRetentionRound(ctx: AppContext, job: JobHandlerContext): Promise<void> {
  const today = schoolDate(job.now);
  const notices = await planRetentionNotices(ctx, today);
  await job.completeWith(async (tx) => {
    await sendRetentionNotices(ctx, notices, tx);
    const tomorrow = addDays(today, 1);
    await ctx.jobs.schedule({ kind: 'retention.daily', payload: { day: tomorrow }, runAt: reminderTime(tomorrow), dedupeKey: dailyKey(tomorrow) }, tx);
  });
}
