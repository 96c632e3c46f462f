import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { DEFAULT_MAIL_FREQUENCY, isMailFrequency, mailPlan, type MailFrequency } from '../../domain/notifications/mail-frequency.js';
import type { AppContext } from '../app-context.js';
import type { JobHandlerContext } from '../jobs/job-runner.js';
import type { MailMessage } from '../mail/mailer.js';

/** The person's choice, or the default for a value this version does not know. */
export async function mailFrequencyOf(ctx: AppContext, userId: string, executor?: Kysely<Database>): Promise<MailFrequency> {
  const stored = await ctx.repos.users.mailFrequency(userId, executor);
  return stored && isMailFrequency(stored) ? stored : DEFAULT_MAIL_FREQUENCY;
}

/**
 * After a notification is made: schedules the mail that tells its person, in the same transaction —
 * at once or with the next daily digest, by their choice; nothing without SMTP or for "no mail".
 */
export async function scheduleNotificationMail(ctx: AppContext, userId: string, notificationId: string, executor?: Kysely<Database>): Promise<void> {
  if (!ctx.mailer) return;
  const plan = mailPlan(await mailFrequencyOf(ctx, userId, executor), ctx.now(), userId, notificationId);
  if (!plan) return;
  await ctx.jobs.schedule({ kind: 'notification.mail', payload: { userId }, runAt: plan.runAt, dedupeKey: plan.key }, executor);
}

/** The mail: how many notifications wait and where — never a name, a case or anything about a child. */
export function notificationMail(to: string, count: number, publicUrl: URL): MailMessage {
  const link = new URL('/berichten', publicUrl).toString();
  const nl = count === 1 ? 'Er staat 1 nieuw bericht voor u klaar in Meldpad.' : `Er staan ${count} nieuwe berichten voor u klaar in Meldpad.`;
  const en = count === 1 ? 'There is 1 new notification for you in Meldpad.' : `There are ${count} new notifications for you in Meldpad.`;
  return {
    to,
    subject: count === 1 ? 'Meldpad: 1 nieuw bericht' : `Meldpad: ${count} nieuwe berichten`,
    text: [
      nl,
      '',
      `Meld u aan om ze te lezen: ${link}`,
      '',
      'In deze e-mail staan bewust geen namen of details. Hoe vaak u deze e-mail krijgt, stelt u in Meldpad in onder Berichten.',
      '',
      `${en} Sign in to read them: ${link}`,
      '',
      '— Meldpad',
    ].join('\n'),
  };
}

/**
 * The `notification.mail` job: claims the person's notifications still waiting for mail (a commit of
 * its own, so no other run or instance takes them too), sends one mail about them, and marks them sent
 * as the job completes. If the send fails they wait again and the job retries; if the instance dies
 * after sending, they stay claimed and are not mailed again: a reminder goes out at most once.
 */
export async function sendNotificationMail(ctx: AppContext, userId: string, job: JobHandlerContext): Promise<void> {
  const mailer = ctx.mailer;
  const user = await ctx.repos.users.findById(userId);
  const wanted = mailer !== null && user !== null && user.deactivatedAt === null && (await mailFrequencyOf(ctx, userId)) !== 'none';
  const claimed = await ctx.repos.notifications.claimForMail(userId, ctx.now());
  if (claimed.length === 0) return job.completeWith(async () => undefined);
  if (!wanted || !mailer || !user) return job.completeWith((tx) => ctx.repos.notifications.markMail(claimed, 'skipped', tx));
  try {
    await mailer.send(notificationMail(user.email, claimed.length, ctx.config.publicUrl));
  } catch (error) {
    await ctx.repos.notifications.releaseMail(claimed);
    throw error;
  }
  await job.completeWith((tx) => ctx.repos.notifications.markMail(claimed, 'sent', tx));
}
