import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * Every table that holds rows about one case, and how to find them. Destroying a case deletes from
 * each, in this order (children before the case row), in the caller's one transaction.
 *
 * ──────────────────────────────────────────────────────────────────────────────────────────────
 *  ADD NEW CASE TABLES HERE. A table that keeps rows about a case (attachments, their blobs, …)
 *  must be listed, or destroying a case leaves its content behind (test/api/retention.test.ts
 *  checks every table with a case_id column is empty for a destroyed case).
 * ──────────────────────────────────────────────────────────────────────────────────────────────
 *
 * Kept on purpose (KEPT_CASE_TABLES): `audit_events` (append-only, ids only; the chain must verify
 * after destruction), `case_destructions` (the content-free record that the case was destroyed), and
 * the other content-free records listed there.
 */
export const CASE_TABLES: readonly { table: string; column: string }[] = [
  { table: 'case_entries', column: 'case_id' },
  { table: 'case_team_members', column: 'case_id' },
  { table: 'case_break_glass', column: 'case_id' },
  { table: 'case_legal_holds', column: 'case_id' },
  // Attachments: their sealed chunks before the files they belong to.
  { table: 'case_attachment_chunks', column: 'case_id' },
  { table: 'case_attachments', column: 'case_id' },
  { table: 'notifications', column: 'case_id' },
  // Retention's own notifications name the case as their subject (they lead to Bewaartermijnen).
  { table: 'notifications', column: 'subject_id' },
];

/**
 * Tables with a `case_id` column that outlive the case by design: records of what was done, ids and
 * fixed codes only, never content. `access_request_withholdings`: the school's account of what it
 * withheld from an access request and on which ground; `dossier_exports`: that a PDF was exported
 * (its hash), so a printed copy can still be checked.
 */
export const KEPT_CASE_TABLES: readonly string[] = ['audit_events', 'case_destructions', 'access_request_withholdings', 'dossier_exports'];

/**
 * Removes a case and everything about it. The caller passes its transaction and writes the
 * destruction record and the audit event in it, so that either all of it happens or nothing does.
 */
export class CaseDestructionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Deletes the case's rows everywhere; `casesRemoved` is 0 when the case was already gone. */
  async destroy(caseId: string, executor: Kysely<Database>): Promise<{ rows: number; casesRemoved: number }> {
    let rows = 0;
    for (const { table, column } of CASE_TABLES) {
      const result = await sql`delete from ${sql.table(table)} where ${sql.ref(column)} = ${caseId}`.execute(executor);
      rows += Number(result.numAffectedRows ?? 0);
    }
    rows += await this.deletePendingJobs(caseId, executor);
    const result = await executor.deleteFrom('cases').where('id', '=', caseId).executeTakeFirst();
    const casesRemoved = Number(result.numDeletedRows);
    return { rows: rows + casesRemoved, casesRemoved };
  }

  /**
   * Reminders not yet sent about the case: their payload (JSON, ids only) names it. Jobs that ran are
   * kept a while by the runner; their payloads are ids too, and they are removed here as well.
   */
  private async deletePendingJobs(caseId: string, executor: Kysely<Database>): Promise<number> {
    const candidates = await executor.selectFrom('jobs').select(['id', 'payload']).where('payload', 'like', `%${caseId}%`).execute();
    const about = candidates.filter((j) => (JSON.parse(j.payload) as { caseId?: string } | null)?.caseId === caseId).map((j) => j.id);
    if (about.length === 0) return 0;
    const result = await executor.deleteFrom('jobs').where('id', 'in', about).where('status', '!=', 'running').executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** How many rows still name the case in each case table (for tests and a check after destruction). */
  async remaining(caseId: string): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const { table, column } of [...CASE_TABLES, { table: 'cases', column: 'id' }]) {
      const result = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)} where ${sql.ref(column)} = ${caseId}`.execute(this.db);
      counts[table] = Number(result.rows[0]?.n ?? 0);
    }
    return counts;
  }
}
