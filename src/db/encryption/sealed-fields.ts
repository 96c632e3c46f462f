import type { RecordCipher } from './record-cipher.js';

/**
 * Every table with narrative fields sealed at rest, and those fields. Each row carries its own data key
 * (column `data_key`); `meldpad rotate-key` re-wraps the data keys of every table named here, and start-up
 * seals any row an older version stored in the clear. A new narrative field is added here and sealed by
 * its repository with `sealFields` / `openFields`.
 */
export const SEALED_TABLES = {
  case_entries: ['body', 'correction_reason'],
  case_break_glass: ['reason'],
  start_of_year_talks: ['notes'],
  parent_contacts: ['notes'],
  case_attachments: ['file_name'],
} as const;

export type SealedTable = keyof typeof SEALED_TABLES;

type Fields = Record<string, string | null>;

function place(table: string, rowId: string, field: string): string {
  return `${table}.${field}:${rowId}`;
}

/** Seals a row's narrative fields under a new data key; null fields stay null. */
export function sealFields<F extends Fields>(cipher: RecordCipher, table: SealedTable, rowId: string, fields: F): F & { data_key: string } {
  const { key, wrapped } = cipher.newDataKey();
  const sealed: Fields = {};
  for (const [name, value] of Object.entries(fields)) sealed[name] = value === null ? null : cipher.seal(key, value, place(table, rowId, name));
  return { ...(sealed as F), data_key: wrapped };
}

/** Opens a row's sealed fields. A row without a data key is from before sealing and is returned as it is. */
export function openFields<F extends Fields>(cipher: RecordCipher, table: SealedTable, rowId: string, dataKey: string | null, fields: F): F {
  if (dataKey === null) return fields;
  // Nothing sealed (every field null, e.g. a talk without notes): no data key to unwrap.
  if (Object.values(fields).every((value) => value === null)) return fields;
  const key = cipher.unwrap(dataKey);
  const opened: Fields = {};
  for (const [name, value] of Object.entries(fields)) opened[name] = value === null ? null : cipher.open(key, value, place(table, rowId, name));
  return opened as F;
}
