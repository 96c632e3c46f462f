import type { Kysely } from 'kysely';
import type { Engine } from '../connection.js';

/**
 * Notifications by e-mail. Each person chooses how often (`immediate`, `daily` digest or `none`);
 * each notification records whether it went out by mail. A notification is claimed (`sending`) in its
 * own commit before the mail leaves and is never claimed again, so no reminder is mailed twice — also
 * when an instance dies mid-send or several instances run the same job.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema.alterTable('users').addColumn('mail_frequency', 'text', (c) => c.notNull().defaultTo('daily')).execute();
  /** `pending`, `sending`, `sent`, `skipped` (read in Meldpad first, or the person wants no mail) */
  await db.schema.alterTable('notifications').addColumn('mail_state', 'text', (c) => c.notNull().defaultTo('pending')).execute();
  await db.schema.alterTable('notifications').addColumn('mailed_at', 'text').execute();
  await db.schema.createIndex('notifications_mail').on('notifications').columns(['user_id', 'mail_state']).execute();
}
