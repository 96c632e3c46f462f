import type { Kysely } from 'kysely';
import type { Engine } from '../connection.js';

/**
 * Pupils, their guardians and households, and the preventive layer (start-of-year talks and
 * informal contacts with parents). Households belong to the board, so that siblings at another
 * school of the board are known (and shown only as "a sibling attends school X").
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('pupils')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
    /** The leerlingnummer of the school's pupil administration; the key for re-imports. */
    .addColumn('pupil_number', 'text', (c) => c.notNull())
    .addColumn('given_names', 'text', (c) => c.notNull())
    .addColumn('call_name', 'text', (c) => c.notNull())
    .addColumn('surname_prefix', 'text')
    .addColumn('surname', 'text', (c) => c.notNull())
    /** yyyy-mm-dd */
    .addColumn('date_of_birth', 'text')
    /** `m`, `f`, `x` or null */
    .addColumn('sex', 'text')
    .addColumn('group_id', 'text', (c) => c.references('groups.id'))
    .addColumn('enrolled_on', 'text')
    .addColumn('left_on', 'text')
    /** Lowercased, without diacritics: call name, given names, prefix and surname, for prefix search. */
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('pupils_school_number', ['school_id', 'pupil_number'])
    .execute();
  await db.schema.createIndex('pupils_school_group').on('pupils').columns(['school_id', 'group_id']).execute();
  await db.schema.createIndex('pupils_school_search').on('pupils').columns(['school_id', 'search_text']).execute();

  await db.schema
    .createTable('guardians')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('board_id', 'text', (c) => c.notNull().references('boards.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    /** 1 when the guardian holds parental authority (gezag). */
    .addColumn('has_authority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('households')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('board_id', 'text', (c) => c.notNull().references('boards.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('household_pupils')
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('pupil_id', 'text', (c) => c.notNull().references('pupils.id'))
    .addPrimaryKeyConstraint('household_pupils_pk', ['household_id', 'pupil_id'])
    .execute();
  await db.schema.createIndex('household_pupils_pupil').on('household_pupils').column('pupil_id').execute();

  await db.schema
    .createTable('household_guardians')
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('guardian_id', 'text', (c) => c.notNull().references('guardians.id'))
    .addPrimaryKeyConstraint('household_guardians_pk', ['household_id', 'guardian_id'])
    .execute();
  await db.schema.createIndex('household_guardians_guardian').on('household_guardians').column('guardian_id').execute();

  await db.schema
    .createTable('start_of_year_talks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
    .addColumn('pupil_id', 'text', (c) => c.notNull().references('pupils.id'))
    /** e.g. 2026-2027; the school year runs 1 August – 31 July. */
    .addColumn('school_year', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('staff_user_id', 'text', (c) => c.notNull().references('users.id'))
    /** The guardians who took part, comma-separated ids. */
    .addColumn('guardian_ids', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('start_of_year_talks_once', ['pupil_id', 'school_year'])
    .execute();
  await db.schema.createIndex('start_of_year_talks_school').on('start_of_year_talks').columns(['school_id', 'school_year']).execute();

  await db.schema
    .createTable('parent_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
    .addColumn('pupil_id', 'text', (c) => c.notNull().references('pupils.id'))
    .addColumn('school_year', 'text', (c) => c.notNull())
    .addColumn('contacted_on', 'text', (c) => c.notNull())
    .addColumn('staff_user_id', 'text', (c) => c.notNull().references('users.id'))
    /** `conversation`, `phone`, `message` or `other` */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('parent_contacts_pupil').on('parent_contacts').columns(['pupil_id', 'contacted_on']).execute();
}
