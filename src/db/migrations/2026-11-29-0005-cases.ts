import type { Kysely } from 'kysely';
import type { Engine } from '../connection.js';

/**
 * The school's route as versioned data, and the case: its team, emergency accesses and entries.
 * Every recorded thing is an entry version: a correction adds a version, nothing is overwritten.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('protocol_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    /** JSON: the steps, tasks, help texts and principles (never phone numbers). */
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('change_note', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('protocol_versions_school_version', ['school_id', 'version'])
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
    .addColumn('board_id', 'text', (c) => c.notNull().references('boards.id'))
    .addColumn('pupil_id', 'text', (c) => c.notNull().references('pupils.id'))
    /** `meldcode` or `staff` */
    .addColumn('route', 'text', (c) => c.notNull())
    /** Null on the staff route, which is the board's duty list rather than the school's route. */
    .addColumn('protocol_version_id', 'text', (c) => c.references('protocol_versions.id'))
    .addColumn('step', 'integer', (c) => c.notNull())
    /** `open`, `monitoring` or `closed` */
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('casushouder_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('started_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('cases_school_pupil').on('cases').columns(['school_id', 'pupil_id']).execute();
  await db.schema.createIndex('cases_school_phase').on('cases').columns(['school_id', 'phase']).execute();
  await db.schema.createIndex('cases_board_route').on('cases').columns(['board_id', 'route']).execute();

  await db.schema
    .createTable('case_team_members')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('team_role', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_team_members_pk', ['case_id', 'user_id'])
    .execute();
  await db.schema.createIndex('case_team_members_user').on('case_team_members').column('user_id').execute();

  await db.schema
    .createTable('case_break_glass')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_break_glass_case').on('case_break_glass').columns(['case_id', 'user_id']).execute();

  await db.schema
    .createTable('case_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
    /** The same for every version of one entry. */
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    /** JSON: the kind's own record. */
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('correction_reason', 'text')
    /** The order of recording within the case (entries of one request share a moment). */
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('case_entries_entry_version', ['entry_id', 'version'])
    .execute();
  await db.schema.createIndex('case_entries_case').on('case_entries').columns(['case_id', 'recorded_at']).execute();
}
