import type { Kysely, Selectable } from 'kysely';
import { ChainVerifier, chainHash, type ChainProblem } from '../audit/audit-chain.js';
import type { Database } from '../schema.js';

/** One audit event: ids and action names only, never free text about a child. */
export interface AuditEventInput {
  occurredAt: Date;
  action: string;
  outcome: 'success' | 'failure' | 'denied';
  actorUserId?: string | null;
  actorRole?: string | null;
  boardId?: string | null;
  schoolId?: string | null;
  pupilId?: string | null;
  caseId?: string | null;
  subjectId?: string | null;
  requestId?: string | null;
  address?: string | null;
}

export interface AuditEventRow extends Required<Omit<AuditEventInput, 'occurredAt'>> {
  id: number;
  occurredAt: string;
}

export interface ChainReport {
  /** Events whose chain held. */
  checked: number;
  /** Events written before the chain existed (they carry no hash). */
  beforeChain: number;
  problem: ChainProblem | null;
}

const VERIFY_BATCH = 10_000;

export class AuditRepository {
  /** @param chainKey the key of the chain's keyed hashes (derived from the installation's secrets key) */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly chainKey: Buffer,
  ) {}

  /**
   * Appends an event. Pass the transaction of the change it records so that it commits with it; without
   * one the event gets a transaction of its own (reads go through the group commit instead).
   */
  async append(event: AuditEventInput, executor: Kysely<Database> = this.db): Promise<void> {
    await this.appendAll([event], executor);
  }

  /**
   * Appends events to the chain. Taking the head row (an UPDATE, so its lock) first makes concurrent
   * appenders wait for each other: each event's place and previous hash are then certain.
   */
  async appendAll(events: readonly AuditEventInput[], executor: Kysely<Database> = this.db): Promise<void> {
    if (events.length === 0) return;
    if (!executor.isTransaction) {
      await executor.transaction().execute((tx) => this.appendAll(events, tx));
      return;
    }
    const head = await executor
      .updateTable('audit_chain_head')
      .set((eb) => ({ seq: eb('seq', '+', events.length) }))
      .where('id', '=', 1)
      .returning(['seq', 'hash'])
      .executeTakeFirstOrThrow();
    let seq = Number(head.seq) - events.length;
    let prevHash = head.hash;
    const rows = events.map((event) => {
      seq += 1;
      const fields = {
        seq,
        prevHash,
        occurredAt: event.occurredAt.toISOString(),
        action: event.action,
        outcome: event.outcome,
        actorUserId: event.actorUserId ?? null,
        actorRole: event.actorRole ?? null,
        boardId: event.boardId ?? null,
        schoolId: event.schoolId ?? null,
        pupilId: event.pupilId ?? null,
        caseId: event.caseId ?? null,
        subjectId: event.subjectId ?? null,
        requestId: event.requestId ?? null,
        address: event.address ?? null,
      };
      const hash = chainHash(this.chainKey, fields);
      prevHash = hash;
      return {
        seq,
        prev_hash: fields.prevHash,
        hash,
        occurred_at: fields.occurredAt,
        action: fields.action,
        outcome: fields.outcome,
        actor_user_id: fields.actorUserId,
        actor_role: fields.actorRole,
        board_id: fields.boardId,
        school_id: fields.schoolId,
        pupil_id: fields.pupilId,
        case_id: fields.caseId,
        subject_id: fields.subjectId,
        request_id: fields.requestId,
        address: fields.address,
      };
    });
    // Bound the statement's parameters (15 a row) for both engines.
    for (let i = 0; i < rows.length; i += 500) await executor.insertInto('audit_events').values(rows.slice(i, i + 500)).execute();
    await executor.updateTable('audit_chain_head').set({ hash: prevHash }).where('id', '=', 1).execute();
  }

  /** What a check of the chain starts from: events from before it, the recorded head and the highest place stored. */
  async chainBounds(): Promise<{ beforeChain: number; head: { seq: number; hash: string }; lastSeq: number }> {
    const [before, head, last] = await Promise.all([
      this.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).where('seq', 'is', null).executeTakeFirstOrThrow(),
      this.db.selectFrom('audit_chain_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow(),
      this.db.selectFrom('audit_events').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow(),
    ]);
    return { beforeChain: Number(before.n), head: { seq: Number(head.seq), hash: head.hash }, lastSeq: Number(last.seq ?? 0) };
  }

  /** Reads the whole chain in order and checks every link; stops at the first event that does not fit. */
  async verifyChain(): Promise<ChainReport> {
    const verifier = new ChainVerifier(this.chainKey);
    const { beforeChain, head } = await this.chainBounds();
    let after = 0;
    for (;;) {
      const rows = await this.db
        .selectFrom('audit_events')
        .selectAll()
        .where('seq', 'is not', null)
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(VERIFY_BATCH)
        .execute();
      let going = true;
      for (const r of rows) {
        going = verifier.push({ ...recordedFields(r), seq: Number(r.seq), prevHash: r.prev_hash ?? '', hash: r.hash ?? '' });
        if (!going) break;
      }
      if (!going || rows.length < VERIFY_BATCH) break;
      after = Number(rows[rows.length - 1]!.seq);
    }
    const { checked, problem } = verifier.finish(head);
    return { checked, beforeChain, problem };
  }

  /** The most recent events, newest first (for tests and the later audit pages). */
  async latest(limit: number): Promise<AuditEventRow[]> {
    const rows = await this.db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(limit).execute();
    return rows.map(recordedFields);
  }
}

/** An event's recorded fields, from its row. */
function recordedFields(r: Selectable<Database['audit_events']>): AuditEventRow {
  return {
    id: Number(r.id),
    occurredAt: r.occurred_at,
    action: r.action,
    outcome: r.outcome as AuditEventRow['outcome'],
    actorUserId: r.actor_user_id,
    actorRole: r.actor_role,
    boardId: r.board_id,
    schoolId: r.school_id,
    pupilId: r.pupil_id,
    caseId: r.case_id,
    subjectId: r.subject_id,
    requestId: r.request_id,
    address: r.address,
  };
}
