import type { AppContext } from '../app-context.js';
import { notify } from '../notifications/notify.js';

/** Every job kind's handler, registered once when the context is made. */
export function registerJobHandlers(ctx: AppContext): void {
  // A due date becomes a notification to its owner. The notification and the job's completion
  // commit together: a retried or taken-over job never notifies twice.
  ctx.jobs.register('notification.due', async (payload, job) => {
    await job.completeWith(async (tx) => {
      await notify(ctx, payload, tx);
    });
  });
}
