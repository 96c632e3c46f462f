import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface DossierExport {
  id: string;
  caseId: string;
  schoolId: string;
  variant: string;
  exportedBy: string;
  exportedAt: string;
  sha256: string;
}

/** An audit event about an export, as the check of a PDF needs it: ids, the role and whether it is chained. */
export interface ExportAuditEvent {
  action: string;
  subjectId: string | null;
  caseId: string | null;
  actorUserId: string | null;
  actorRole: string | null;
  occurredAt: string;
  /** Null for an event outside the hash chain. */
  seq: number | null;
}

export const EXPORT_ACTION = 'case.export.pdf';
export const EXPORT_DIGEST_ACTION = 'case.export.pdf.digest';

/** The record of dossier PDFs handed out: content-free, with the SHA-256 of each file's bytes. */
export class DossierExportsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Records an export; pass the transaction its audit events are written in. */
  async add(record: DossierExport, executor: Kysely<Database> = this.db): Promise<void> {
    await executor
      .insertInto('dossier_exports')
      .values({
        id: record.id,
        case_id: record.caseId,
        school_id: record.schoolId,
        variant: record.variant,
        exported_by: record.exportedBy,
        exported_at: record.exportedAt,
        sha256: record.sha256,
      })
      .execute();
  }

  async find(id: string): Promise<DossierExport | null> {
    const row = await this.db.selectFrom('dossier_exports').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? fromRow(row) : null;
  }

  /** The export whose file had exactly these bytes (by digest). */
  async findBySha256(sha256: string): Promise<DossierExport | null> {
    const row = await this.db.selectFrom('dossier_exports').selectAll().where('sha256', '=', sha256).orderBy('exported_at').executeTakeFirst();
    return row ? fromRow(row) : null;
  }

  /** When this person last exported a dossier (a fresh code serves one export). */
  async lastExportedBy(userId: string): Promise<string | null> {
    const row = await this.db.selectFrom('dossier_exports').select('exported_at').where('exported_by', '=', userId).orderBy('exported_at', 'desc').executeTakeFirst();
    return row?.exported_at ?? null;
  }

  /** The audit events an export left: the export itself (subject: its id) and its digest (subject: the SHA-256). */
  async auditEvents(exportId: string, sha256: string): Promise<ExportAuditEvent[]> {
    const rows = await this.db
      .selectFrom('audit_events')
      .select(['action', 'subject_id', 'case_id', 'actor_user_id', 'actor_role', 'occurred_at', 'seq'])
      .where((eb) => eb.or([eb.and([eb('action', '=', EXPORT_ACTION), eb('subject_id', '=', exportId)]), eb.and([eb('action', '=', EXPORT_DIGEST_ACTION), eb('subject_id', '=', sha256)])]))
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      action: r.action,
      subjectId: r.subject_id,
      caseId: r.case_id,
      actorUserId: r.actor_user_id,
      actorRole: r.actor_role,
      occurredAt: r.occurred_at,
      seq: r.seq === null ? null : Number(r.seq),
    }));
  }
}

function fromRow(row: { id: string; case_id: string; school_id: string; variant: string; exported_by: string; exported_at: string; sha256: string }): DossierExport {
  return { id: row.id, caseId: row.case_id, schoolId: row.school_id, variant: row.variant, exportedBy: row.exported_by, exportedAt: row.exported_at, sha256: row.sha256 };
}
