import { sql, type Kysely } from 'kysely';
import type { Engine } from '../connection.js';

/**
 * The audit chain and encryption at rest.
 * - Every audit event gets its place in one chain (`seq`, without gaps), the hash of the event before
 *   it and its own keyed hash; `audit_chain_head` holds the last place and hash, and appending takes its
 *   row lock, so concurrent transactions append one after the other. Events written before this
 *   migration keep null chain fields and are reported by `meldpad audit verify` as from before the chain.
 * - Tables with narrative fields get the wrapped data key of their row (`data_key`); rows an older
 *   version stored in the clear are sealed at the next start.
 * - On PostgreSQL the application's own role loses UPDATE, DELETE and TRUNCATE on audit events (for
 *   deployments where it is not a superuser), and a trigger refuses TRUNCATE as well.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema.alterTable('audit_events').addColumn('seq', 'integer').execute();
  await db.schema.alterTable('audit_events').addColumn('prev_hash', 'text').execute();
  await db.schema.alterTable('audit_events').addColumn('hash', 'text').execute();
  await db.schema.createIndex('audit_events_seq').on('audit_events').column('seq').unique().execute();
  await db.schema.createIndex('audit_events_case').on('audit_events').columns(['case_id', 'occurred_at']).execute();

  await db.schema
    .createTable('audit_chain_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into audit_chain_head (id, seq, hash) values (1, 0, ${'0'.repeat(64)})`.execute(db);

  for (const table of ['case_entries', 'case_break_glass', 'start_of_year_talks', 'parent_contacts']) {
    await db.schema.alterTable(table).addColumn('data_key', 'text').execute();
  }

  if (engine === 'postgres') {
    await sql`create trigger audit_events_no_truncate before truncate on audit_events for each statement execute function audit_events_append_only()`.execute(db);
    await sql`revoke update, delete, truncate on audit_events from public`.execute(db);
    await sql`revoke update, delete, truncate on audit_events from current_user`.execute(db);
  }
}
