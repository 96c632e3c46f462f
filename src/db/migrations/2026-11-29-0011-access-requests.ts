import type { Kysely } from 'kysely';
import type { Engine } from '../connection.js';

/**
 * Access requests (inzageverzoek, AVG art. 15) and the parts withheld from them, each on its ground.
 * Content-free: who asked in what capacity, when, who handled and exported it, and which case or
 * entry was withheld on which ground — never what the case or entry says. A withholding names the
 * case and entry by id without a foreign key, so that destroying a case at the end of its term
 * (retention) leaves the record that something was withheld from an earlier request.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('access_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
    .addColumn('pupil_id', 'text', (c) => c.notNull().references('pupils.id'))
    /** `parent`, `guardian`, `pupil` or `other` */
    .addColumn('requester_capacity', 'text', (c) => c.notNull())
    /** One of the pupil's guardians, when a stored parent or guardian asked. */
    .addColumn('requester_guardian_id', 'text')
    /** Who asked, as they named themselves, when not a stored guardian or the pupil; never about the child. */
    .addColumn('requester_name', 'text')
    /** yyyy-mm-dd: the day the school received the request (the one-month term runs from it). */
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('registered_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('registered_at', 'text', (c) => c.notNull())
    /** The first export; the withholdings are fixed from then on. */
    .addColumn('exported_by', 'text', (c) => c.references('users.id'))
    .addColumn('exported_at', 'text')
    .execute();
  await db.schema.createIndex('access_requests_school_pupil').on('access_requests').columns(['school_id', 'pupil_id']).execute();

  await db.schema
    .createTable('access_request_withholdings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('access_request_id', 'text', (c) => c.notNull().references('access_requests.id'))
    .addColumn('case_id', 'text', (c) => c.notNull())
    /** Null: the whole case is withheld. */
    .addColumn('entry_id', 'text')
    /** `child-protection` or `rights-of-others` */
    .addColumn('ground', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    /** Order as the handler chose them, so the record reads as it was made. */
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('access_request_withholdings_request').on('access_request_withholdings').column('access_request_id').execute();
}
