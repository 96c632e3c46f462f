import { z } from 'zod';
import { NOTIFICATION_KINDS } from '../../domain/notifications/notification-kinds.js';

const id = z.string().min(1).max(64);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * Every kind of background job, with the payload it carries. A payload holds ids only — never a
 * pupil's name or anything written about a child — and is strict: a field not listed here is refused
 * when the job is scheduled. A new kind is added here, and its handler in `job-handlers.ts`.
 */
export const JOB_PAYLOADS = {
  /**
   * A notification that becomes due at the job's time: every due date (an agreement, a monitoring
   * moment) is scheduled as one of these for its owner, with a dedupe key per due date.
   */
  'notification.due': z.strictObject({
    userId: id,
    schoolId: id,
    kind: z.enum(NOTIFICATION_KINDS),
    caseId: id.optional(),
    subjectId: id.optional(),
    dueOn: isoDate.optional(),
  }),
  /**
   * The daily retention round (bewaartermijnen): tells the IB'ers what is due for destruction and
   * raises to directie what waited 30 days; schedules the next day's round (dedupe key per day).
   */
  'retention.daily': z.strictObject({ day: isoDate }),
  /**
   * Mails a person that notifications wait for them in Meldpad (how many, and a link — nothing else):
   * at once or as the daily digest, by their choice. The key makes it one mail per moment.
   */
  'notification.mail': z.strictObject({ userId: id }),
} as const;

export type JobKind = keyof typeof JOB_PAYLOADS;

export const JOB_KINDS = Object.keys(JOB_PAYLOADS) as JobKind[];

export type JobPayload<K extends JobKind> = z.infer<(typeof JOB_PAYLOADS)[K]>;

export function isJobKind(value: string): value is JobKind {
  return Object.hasOwn(JOB_PAYLOADS, value);
}
