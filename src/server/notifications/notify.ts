import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { NotificationKind } from '../../domain/notifications/notification-kinds.js';
import type { AppContext } from '../app-context.js';
import { scheduleNotificationMail } from './notification-mail.js';

/** A notification for one person: kind and ids only; the web app writes the sentence. */
export interface NotificationInput {
  /** Whom it is for. */
  userId: string;
  /** The school it belongs to: the person sees it while acting for this school. */
  schoolId: string;
  kind: NotificationKind;
  caseId?: string | null;
  subjectId?: string | null;
  /** yyyy-mm-dd */
  dueOn?: string | null;
}

/**
 * Notifies a person now (e.g. "a case was started" to the IB'er), and schedules the mail that tells
 * them (when SMTP is configured and they want mail). Pass the transaction of the change it is about, so
 * that the notification exists exactly when the change commits. Returns its id.
 */
export async function notify(ctx: AppContext, input: NotificationInput, executor?: Kysely<Database>): Promise<string> {
  const id = randomUUID();
  await ctx.repos.notifications.create(
    { id, userId: input.userId, schoolId: input.schoolId, kind: input.kind, caseId: input.caseId ?? null, subjectId: input.subjectId ?? null, dueOn: input.dueOn ?? null, at: ctx.now() },
    executor,
  );
  await scheduleNotificationMail(ctx, input.userId, id, executor);
  return id;
}
