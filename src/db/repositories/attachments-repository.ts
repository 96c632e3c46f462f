import type { Kysely } from 'kysely';
import { openChunks, sealChunk } from '../encryption/attachment-chunks.js';
import type { RecordCipher } from '../encryption/record-cipher.js';
import { openFields, sealFields } from '../encryption/sealed-fields.js';
import type { Database } from '../schema.js';

/** An attachment as lists show it: the file name opened, the content not. */
export interface AttachmentRecord {
  id: string;
  caseId: string;
  schoolId: string;
  entryId: string;
  contentType: string;
  sizeBytes: number;
  chunkCount: number;
  fileName: string;
  uploadedBy: string;
  uploadedByName: string;
  uploadedAt: string;
}

export interface NewAttachment {
  id: string;
  caseId: string;
  schoolId: string;
  entryId: string;
  fileName: string;
  uploadedBy: string;
  uploadedAt: string;
}

/** An upload under way: its row exists (pending, invisible) and its chunks are sealed under `dataKey`. */
export interface PendingAttachment {
  id: string;
  caseId: string;
  dataKey: Buffer;
}

/**
 * Attachments on case entries, in the database: the row with the sealed file name and the wrapped data
 * key, and the content as chunks sealed under that key (src/db/encryption/attachment-chunks.ts). An
 * upload is written as it streams in, each chunk in its own short statement (a long transaction would
 * hold SQLite's one writer for as long as a slow upload lasts), and made visible by `complete` in the
 * caller's transaction, with its audit event. The caller has checked access to the case.
 */
export class AttachmentsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly cipher: RecordCipher,
  ) {}

  /** Starts an upload: a pending row, and the data key to seal its chunks with. */
  async begin(a: NewAttachment): Promise<PendingAttachment> {
    const sealed = sealFields(this.cipher, 'case_attachments', a.id, { file_name: a.fileName });
    await this.db
      .insertInto('case_attachments')
      .values({ id: a.id, case_id: a.caseId, school_id: a.schoolId, entry_id: a.entryId, content_type: null, state: 'pending', uploaded_by: a.uploadedBy, uploaded_at: a.uploadedAt, ...sealed })
      .execute();
    return { id: a.id, caseId: a.caseId, dataKey: this.cipher.unwrap(sealed.data_key) };
  }

  /** Seals and stores one chunk of a pending upload; `final` for the last one. */
  async appendChunk(pending: PendingAttachment, seq: number, final: boolean, plaintext: Buffer): Promise<void> {
    const bytes = sealChunk(pending.dataKey, pending.id, seq, final, plaintext);
    await this.db.insertInto('case_attachment_chunks').values({ attachment_id: pending.id, case_id: pending.caseId, seq, bytes }).execute();
  }

  /** Makes a complete upload visible. */
  async complete(pending: PendingAttachment, done: { contentType: string; sizeBytes: number; chunkCount: number }, executor: Kysely<Database> = this.db): Promise<void> {
    await executor
      .updateTable('case_attachments')
      .set({ state: 'stored', content_type: done.contentType, size_bytes: done.sizeBytes, chunk_count: done.chunkCount })
      .where('id', '=', pending.id)
      .where('state', '=', 'pending')
      .execute();
  }

  /** Removes an upload that did not complete (refused, too large, broken off), chunks first. */
  async discard(attachmentId: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('case_attachment_chunks').where('attachment_id', '=', attachmentId).execute();
      await tx.deleteFrom('case_attachments').where('id', '=', attachmentId).where('state', '=', 'pending').execute();
    });
  }

  /** Removes uploads left pending since before `before` (an instance stopped mid-upload). */
  async discardAbandoned(before: string): Promise<number> {
    const stale = await this.db.selectFrom('case_attachments').select('id').where('state', '=', 'pending').where('uploaded_at', '<', before).execute();
    for (const { id } of stale) await this.discard(id);
    return stale.length;
  }

  /** The stored attachments of a case, oldest first. */
  async listForCase(caseId: string): Promise<AttachmentRecord[]> {
    const rows = await this.selectStored().where('case_attachments.case_id', '=', caseId).orderBy('case_attachments.uploaded_at').orderBy('case_attachments.id').execute();
    return rows.map((r) => this.record(r));
  }

  /** One stored attachment of an entry of a case, or null. */
  async find(caseId: string, entryId: string, attachmentId: string): Promise<(AttachmentRecord & { dataKey: string }) | null> {
    const row = await this.selectStored()
      .where('case_attachments.case_id', '=', caseId)
      .where('case_attachments.entry_id', '=', entryId)
      .where('case_attachments.id', '=', attachmentId)
      .executeTakeFirst();
    return row ? { ...this.record(row), dataKey: row.data_key } : null;
  }

  /** The content, opened chunk by chunk as it is read; throws DamagedAttachmentError on any tampering. */
  content(attachment: { id: string; chunkCount: number; dataKey: string }): AsyncGenerator<Buffer> {
    const key = this.cipher.unwrap(attachment.dataKey);
    return openChunks(key, attachment.id, attachment.chunkCount, async (seq) => {
      const row = await this.db.selectFrom('case_attachment_chunks').select('bytes').where('attachment_id', '=', attachment.id).where('seq', '=', seq).executeTakeFirst();
      return row?.bytes ?? null;
    });
  }

  private selectStored() {
    return this.db
      .selectFrom('case_attachments')
      .innerJoin('users', 'users.id', 'case_attachments.uploaded_by')
      .select([
        'case_attachments.id',
        'case_attachments.case_id',
        'case_attachments.school_id',
        'case_attachments.entry_id',
        'case_attachments.content_type',
        'case_attachments.size_bytes',
        'case_attachments.chunk_count',
        'case_attachments.file_name',
        'case_attachments.data_key',
        'case_attachments.uploaded_by',
        'case_attachments.uploaded_at',
        'users.name as uploaded_by_name',
      ])
      .where('case_attachments.state', '=', 'stored');
  }

  private record(r: {
    id: string;
    case_id: string;
    school_id: string;
    entry_id: string;
    content_type: string | null;
    size_bytes: number;
    chunk_count: number;
    file_name: string;
    data_key: string;
    uploaded_by: string;
    uploaded_at: string;
    uploaded_by_name: string;
  }): AttachmentRecord {
    return {
      id: r.id,
      caseId: r.case_id,
      schoolId: r.school_id,
      entryId: r.entry_id,
      contentType: r.content_type ?? 'application/octet-stream',
      sizeBytes: Number(r.size_bytes),
      chunkCount: Number(r.chunk_count),
      fileName: openFields(this.cipher, 'case_attachments', r.id, r.data_key, { file_name: r.file_name }).file_name,
      uploadedBy: r.uploaded_by,
      uploadedByName: r.uploaded_by_name,
      uploadedAt: r.uploaded_at,
    };
  }
}
