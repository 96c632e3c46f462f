import { sql, type Kysely } from 'kysely';
import type { Engine } from '../connection.js';

/**
 * Indexes for a board of two hundred schools (issue 9):
 * - the rows still to be sealed at start-up (`data_key is null`): without them every start read every
 *   case entry to find none; partial, so they stay empty once everything is sealed;
 * - case entries by case and kind: a home page reads only the entries that can hold a due date;
 * - cases by who started them: "my cases" no longer walks every case of the board.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  for (const table of ['case_entries', 'case_break_glass', 'start_of_year_talks', 'parent_contacts']) {
    await db.schema.createIndex(`${table}_unsealed`).on(table).column('id').where(sql.ref('data_key'), 'is', null).execute();
  }
  await db.schema.createIndex('case_entries_case_kind').on('case_entries').columns(['case_id', 'kind']).execute();
  await db.schema.createIndex('cases_started_by').on('cases').columns(['started_by', 'board_id']).execute();
}
