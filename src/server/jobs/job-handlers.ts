import type { AppContext } from '../app-context.js';
import { sendNotificationMail } from '../notifications/notification-mail.js';
import { notify } from '../notifications/notify.js';
import { runRetentionRound } from '../retention/daily-job.js';

/** Every job kind's handler, registered once when the context is made. */
export function registerJobHandlers(ctx: AppContext): void {
  // A due date becomes a notification to its owner. The notification and the job's completion
  // commit together: a retried or taken-over job never notifies twice.
  ctx.jobs.register('notification.due', async (payload, job) => {
    await job.completeWith(async (tx) => {
      await notify(ctx, payload, tx);
    });
  });
  // Notifications by mail: how many wait, never what (at once or as the daily digest).
  ctx.jobs.register('notification.mail', async (payload, job) => sendNotificationMail(ctx, payload.userId, job));
  // Once a day: what is due for destruction, to the IB'ers; what waited 30 days, to directie.
  ctx.jobs.register('retention.daily', async (_payload, job) => runRetentionRound(ctx, job));
}
