import type { Kysely } from 'kysely';
import type { BulkWindow, CaseOpening } from '../../domain/audit/bulk-access.js';
import type { Database } from '../schema.js';

/** An audited action on one case, with the person's name and, for an entry, its kind. */
export interface CaseAccessEventRow {
  id: number;
  occurredAt: string;
  action: string;
  outcome: string;
  actorUserId: string | null;
  actorRole: string | null;
  actorName: string | null;
  entryKind: string | null;
}

/** Windows per query: keeps the OR list well inside SQLite's expression depth and both engines' parameter limits. */
const WINDOWS_PER_QUERY = 200;

/**
 * What "who saw this file" reads: the audit events of one case, who was on its team when, and the
 * same people's openings of other cases around those events. Reads only; audit events are written
 * by the audit repository. The caller has loaded the case through the access policy.
 */
export class CaseAccessLogRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Every audited action on the case, oldest first. */
  async eventsForCase(caseId: string, executor: Kysely<Database> = this.db): Promise<CaseAccessEventRow[]> {
    const rows = await executor
      .selectFrom('audit_events')
      .leftJoin('users', 'users.id', 'audit_events.actor_user_id')
      // The entry a recording or correction was about (its first version names the kind; ids only).
      .leftJoin('case_entries', (join) =>
        join.onRef('case_entries.entry_id', '=', 'audit_events.subject_id').onRef('case_entries.case_id', '=', 'audit_events.case_id').on('case_entries.version', '=', 1),
      )
      .select([
        'audit_events.id',
        'audit_events.occurred_at',
        'audit_events.action',
        'audit_events.outcome',
        'audit_events.actor_user_id',
        'audit_events.actor_role',
        'users.name as actor_name',
        'case_entries.kind as entry_kind',
      ])
      .where('audit_events.case_id', '=', caseId)
      .orderBy('audit_events.occurred_at')
      .orderBy('audit_events.id')
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      occurredAt: r.occurred_at,
      action: r.action,
      outcome: r.outcome,
      actorUserId: r.actor_user_id,
      actorRole: r.actor_role,
      actorName: r.actor_name,
      entryKind: r.entry_kind,
    }));
  }

  /** The case's current team members and when each joined. */
  async currentTeam(caseId: string, executor: Kysely<Database> = this.db): Promise<{ userId: string; addedAt: string }[]> {
    const rows = await executor.selectFrom('case_team_members').select(['user_id', 'added_at']).where('case_id', '=', caseId).execute();
    return rows.map((r) => ({ userId: r.user_id, addedAt: r.added_at }));
  }

  /**
   * The successful openings of any case by the people and in the windows given: one query for all
   * the people of the list (in batches only when the windows are very many). Any case the person
   * opened counts, whichever school: they could only open what they had access to.
   */
  async openingsIn(windows: readonly BulkWindow[], actions: readonly string[], executor: Kysely<Database> = this.db): Promise<CaseOpening[]> {
    if (windows.length === 0 || actions.length === 0) return [];
    const openings: CaseOpening[] = [];
    for (let i = 0; i < windows.length; i += WINDOWS_PER_QUERY) {
      const batch = windows.slice(i, i + WINDOWS_PER_QUERY);
      const rows = await executor
        .selectFrom('audit_events')
        .select(['actor_user_id', 'case_id', 'occurred_at'])
        .where('action', 'in', actions)
        .where('outcome', '=', 'success')
        .where('case_id', 'is not', null)
        .where((eb) => eb.or(batch.map((w) => eb.and([eb('actor_user_id', '=', w.actorUserId), eb('occurred_at', '>=', w.from), eb('occurred_at', '<=', w.until)]))))
        .execute();
      for (const r of rows) if (r.actor_user_id && r.case_id) openings.push({ actorUserId: r.actor_user_id, caseId: r.case_id, occurredAt: r.occurred_at });
    }
    return openings;
  }
}
