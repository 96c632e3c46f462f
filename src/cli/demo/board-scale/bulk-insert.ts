import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/** Parameters per statement: well within SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMETERS = 16_000;

/**
 * Inserts many prepared rows with multi-row VALUES statements, each bounded in its parameters: one
 * round trip per few thousand rows instead of one per row.
 */
export async function insertRows<T extends keyof Database & string>(executor: Kysely<Database>, table: T, rows: readonly Insertable<Database[T]>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).length;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
  for (let i = 0; i < rows.length; i += perStatement) {
    // Kysely's insert typing is per table; the rows are typed by the caller.
    await executor.insertInto(table).values(rows.slice(i, i + perStatement) as never).execute();
  }
}

/** Runs `fill` in transactions of `size` rows at a time, so no transaction grows without bound. */
export async function inTransactions<T>(db: Kysely<Database>, items: readonly T[], size: number, fill: (tx: Kysely<Database>, slice: readonly T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) {
    const slice = items.slice(i, i + size);
    await db.transaction().execute((tx) => fill(tx, slice));
  }
}
