import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { RecordCipher } from './record-cipher.js';
import { SEALED_TABLES, sealFields, type SealedTable } from './sealed-fields.js';

const BATCH = 500;

/**
 * Seals the narrative fields of rows an older version stored in the clear (no data key yet). Runs at
 * start-up; once every row has a data key it finds nothing to do.
 */
export async function sealLegacyRows(db: Kysely<Database>, cipher: RecordCipher): Promise<number> {
  let sealed = 0;
  for (const table of Object.keys(SEALED_TABLES) as SealedTable[]) {
    const fields = SEALED_TABLES[table];
    for (;;) {
      // Dynamic over the tables named in SEALED_TABLES, each of which has `id`, `data_key` and the fields.
      const rows = (await (db as unknown as Kysely<Record<string, Record<string, string | null>>>)
        .selectFrom(table)
        .select(['id', ...fields])
        .where('data_key', 'is', null)
        .limit(BATCH)
        .execute()) as Record<string, string | null>[];
      if (rows.length === 0) break;
      await db.transaction().execute(async (tx) => {
        for (const row of rows) {
          const id = String(row['id']);
          const plain = Object.fromEntries(fields.map((f) => [f, row[f] ?? null]));
          await (tx as unknown as Kysely<Record<string, Record<string, string | null>>>)
            .updateTable(table)
            .set(sealFields(cipher, table, id, plain))
            .where('id', '=', id)
            .where('data_key', 'is', null)
            .execute();
        }
      });
      sealed += rows.length;
    }
  }
  return sealed;
}
