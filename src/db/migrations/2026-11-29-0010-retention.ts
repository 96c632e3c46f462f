import type { Kysely } from 'kysely';
import type { Engine } from '../connection.js';

/**
 * Retention (bewaartermijnen): the school's term, legal holds on cases, and the content-free record
 * that a case was destroyed. None of these tables holds anything written about a child.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  /** One row per school that chose another term than the default (two years after leaving). */
  await db.schema
    .createTable('retention_terms')
    .addColumn('school_id', 'text', (c) => c.primaryKey().references('schools.id'))
    .addColumn('years', 'integer', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('set_at', 'text', (c) => c.notNull())
    .execute();

  /** Every legal hold ever set on a case; the one without `lifted_at` is on. Removed with the case. */
  await db.schema
    .createTable('case_legal_holds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
    /** One of the fixed grounds; never free text. */
    .addColumn('ground', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('set_at', 'text', (c) => c.notNull())
    .addColumn('lifted_by', 'text', (c) => c.references('users.id'))
    .addColumn('lifted_at', 'text')
    .execute();
  await db.schema.createIndex('case_legal_holds_case').on('case_legal_holds').columns(['case_id', 'lifted_at']).execute();

  /**
   * That a case was destroyed, and on whose word: ids and dates only. Deliberately no pupil id: the
   * pupil stays in the pupil administration, and a link from a pupil to "had a meldcode case" is
   * exactly what destruction ends. No foreign key to cases: the case row is gone.
   */
  await db.schema
    .createTable('case_destructions')
    .addColumn('case_id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
    .addColumn('board_id', 'text', (c) => c.notNull().references('boards.id'))
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('term_years', 'integer', (c) => c.notNull())
    /** Who set the school's term (null: the default) and when. */
    .addColumn('term_set_by', 'text', (c) => c.references('users.id'))
    .addColumn('term_set_at', 'text')
    .addColumn('confirmed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('destroyed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_destructions_school').on('case_destructions').columns(['school_id', 'destroyed_at']).execute();
}
