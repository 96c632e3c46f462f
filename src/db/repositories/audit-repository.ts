import type { Kysely } from 'kysely';
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

export class AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Appends an event; pass a transaction to commit it with the change it records. */
  async append(event: AuditEventInput, executor: Kysely<Database> = this.db): Promise<void> {
    await executor
      .insertInto('audit_events')
      .values({
        occurred_at: event.occurredAt.toISOString(),
        action: event.action,
        outcome: event.outcome,
        actor_user_id: event.actorUserId ?? null,
        actor_role: event.actorRole ?? null,
        board_id: event.boardId ?? null,
        school_id: event.schoolId ?? null,
        pupil_id: event.pupilId ?? null,
        case_id: event.caseId ?? null,
        subject_id: event.subjectId ?? null,
        request_id: event.requestId ?? null,
        address: event.address ?? null,
      })
      .execute();
  }

  /** The most recent events, newest first (for tests and the later audit pages). */
  async latest(limit: number): Promise<AuditEventRow[]> {
    const rows = await this.db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(limit).execute();
    return rows.map((r) => ({
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
    }));
  }
}
