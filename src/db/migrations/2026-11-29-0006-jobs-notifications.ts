import type { Kysely } from 'kysely';
import type { Engine } from '../connection.js';

/**
 * The database-backed job runner (due times, leases, retries) and in-app notifications. A job's
 * payload and a notification hold ids only: never a pupil's name or anything written about a child.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    /** JSON, ids only. */
    .addColumn('payload', 'text', (c) => c.notNull())
    /** When the job is due (ISO-8601 UTC). */
    .addColumn('run_at', 'text', (c) => c.notNull())
    /** `pending`, `running`, `done` or `failed` */
    .addColumn('status', 'text', (c) => c.notNull())
    /** How many times the job was started (a run whose instance died counts too). */
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    /** The instance that holds the job while it runs, and until when. */
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    /** The error's class and message of the last failed attempt; no personal data. */
    .addColumn('last_error', 'text')
    /** Scheduling the same reminder twice is one job. */
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jobs_status_run_at').on('jobs').columns(['status', 'run_at']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    /** One of the notification kinds; the web app writes the sentence from it. */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    /** The record the notification is about when it is not the case (e.g. an agreement). */
    .addColumn('subject_id', 'text')
    /** yyyy-mm-dd, for reminders of a due date. */
    .addColumn('due_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('notifications_user_read').on('notifications').columns(['user_id', 'read_at']).execute();
}
