import { createRequire } from 'node:module';
import SqliteDatabase from 'better-sqlite3';
import type pgTypes from 'pg';
import type { DatabaseTarget } from '../connection.js';
import type { ChainLink, StoredChainEvent } from './audit-chain.js';
import type { PartStart } from './chain-parts.js';

/**
 * Reads a range of the chain straight from the driver, not through the query builder: verifying two
 * million events is mostly reading them. The database writes each event's fields as one JSON array
 * (the shape `chainHash` hashes), so a row costs four values instead of sixteen. That text is only a
 * fast path: where its hash does not hold, the verifier reads the event's fields and hashes them as
 * `chainHash` does, so a difference in how the database writes JSON can never pass as tampering.
 */
const FIELDS = 'seq, prev_hash, occurred_at, action, outcome, actor_user_id, actor_role, board_id, school_id, pupil_id, case_id, subject_id, request_id, address';
const BATCH = 10_000;

/** A link with the database's JSON of its fields. */
export interface ChainRow extends ChainLink {
  canonical: string;
}

type LinkRow = [number | string, number | string, string | null, string | null, string];
type FieldRow = [number | string, number | string, string | null, string | null, string, string, string, ...(string | null)[]];

const rowOf = (r: LinkRow): ChainRow => ({ id: Number(r[0]), seq: Number(r[1]), prevHash: r[2] ?? '', hash: r[3] ?? '', canonical: r[4] });

function eventOf(r: FieldRow): StoredChainEvent {
  return {
    id: Number(r[0]),
    seq: Number(r[1]),
    prevHash: r[2] ?? '',
    hash: r[3] ?? '',
    occurredAt: r[4],
    action: r[5],
    outcome: r[6],
    actorUserId: r[7] ?? null,
    actorRole: r[8] ?? null,
    boardId: r[9] ?? null,
    schoolId: r[10] ?? null,
    pupilId: r[11] ?? null,
    caseId: r[12] ?? null,
    subjectId: r[13] ?? null,
    requestId: r[14] ?? null,
    address: r[15] ?? null,
  };
}

export interface ChainRange {
  /** The stored event just before the range (null when there is none). */
  start(): Promise<PartStart | null>;
  /** The events of the range in order, in batches. */
  batches(): AsyncGenerator<ChainRow[]>;
  /** One event with all its fields. */
  event(seq: number): Promise<StoredChainEvent>;
  close(): Promise<void>;
}

const startOf = (row: [number | string, string | null] | undefined): PartStart | null => (row ? { seq: Number(row[0]), hash: row[1] ?? '' } : null);

/** Places after `after` up to `upTo` (inclusive; no end when null). */
export function openChainRange(target: DatabaseTarget, after: number, upTo: number | null): ChainRange {
  // seq is a 32-bit integer column on PostgreSQL.
  const end = upTo ?? 2_147_483_647;
  const startSql = (p: (n: number) => string) => `select seq, hash from audit_events where seq <= ${p(1)} order by seq desc limit 1`;
  const eventSql = (p: (n: number) => string) => `select id, seq, prev_hash, hash, ${FIELDS.replace('seq, prev_hash, ', '')} from audit_events where seq = ${p(1)}`;
  if (target.kind === 'sqlite') {
    const db = new SqliteDatabase(target.file, { readonly: true, fileMustExist: true });
    const q = () => '?';
    return {
      start: () => Promise.resolve(startOf(db.prepare(startSql(q)).raw(true).get(after) as [number, string] | undefined)),
      async *batches() {
        const statement = db.prepare(`select id, seq, prev_hash, hash, json_array(${FIELDS}) from audit_events where seq > ? and seq <= ? order by seq limit ${BATCH}`).raw(true);
        for (let from = after; ; ) {
          const rows = statement.all(from, end) as LinkRow[];
          if (rows.length === 0) return;
          yield rows.map(rowOf);
          if (rows.length < BATCH) return;
          from = Number(rows[rows.length - 1]![1]);
        }
      },
      event: (seq) => Promise.resolve(eventOf(db.prepare(eventSql(q)).raw(true).get(seq) as FieldRow)),
      close: () => Promise.resolve(void db.close()),
    };
  }
  const pg = createRequire(import.meta.url)('pg') as typeof pgTypes;
  const client = new pg.Client({ connectionString: target.url });
  const connected = client.connect();
  const d = (n: number) => `$${n}`;
  // PostgreSQL writes `[1, "a"]` with spaces; each value as its own JSON text, joined, matches JSON.stringify.
  const canonical = `'[' || ${FIELDS.split(', ')
    .map((f) => `coalesce(to_json(${f})::text, 'null')`)
    .join(` || ',' || `)} || ']'`;
  return {
    async start() {
      await connected;
      return startOf((await client.query<[string, string]>({ text: startSql(d), values: [after], rowMode: 'array' })).rows[0]);
    },
    async *batches() {
      await connected;
      for (let from = after; ; ) {
        const result = await client.query<LinkRow>({ text: `select id, seq, prev_hash, hash, ${canonical} from audit_events where seq > $1 and seq <= $2 order by seq limit ${BATCH}`, values: [from, end], rowMode: 'array' });
        if (result.rows.length === 0) return;
        yield result.rows.map(rowOf);
        if (result.rows.length < BATCH) return;
        from = Number(result.rows[result.rows.length - 1]![1]);
      }
    },
    async event(seq) {
      await connected;
      return eventOf((await client.query<FieldRow>({ text: eventSql(d), values: [seq], rowMode: 'array' })).rows[0]!);
    },
    close: () => client.end(),
  };
}
