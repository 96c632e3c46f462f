import type { Kysely } from 'kysely';
import type { Engine } from '../connection.js';

/**
 * Attachments on a case's signals and conversations (photos, scans, PDFs), stored in the database so
 * that every instance sharing it serves them, and sealed so that a copy of the database alone reveals
 * nothing: the file name is sealed under the row's data key (`data_key`, wrapped by the master key),
 * the content in chunks under the same key. An upload is written chunk by chunk as it streams in
 * (`state` = 'pending') and becomes visible only when complete ('stored'). No hash of the content is
 * kept: a hash of a small photo identifies it.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('case_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
    /** The entry (all its versions share this id) the file belongs to. */
    .addColumn('entry_id', 'text', (c) => c.notNull())
    /** As judged from the content; null while the upload is pending. */
    .addColumn('content_type', 'text')
    .addColumn('size_bytes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('chunk_count', 'integer', (c) => c.notNull().defaultTo(0))
    /** Sealed. */
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('data_key', 'text', (c) => c.notNull())
    /** `pending` while streaming in, `stored` when complete. */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_attachments_case').on('case_attachments').columns(['case_id', 'entry_id']).execute();
  await db.schema.createIndex('case_attachments_state').on('case_attachments').columns(['state', 'uploaded_at']).execute();

  await db.schema
    .createTable('case_attachment_chunks')
    .addColumn('attachment_id', 'text', (c) => c.notNull().references('case_attachments.id'))
    /** The case again, so that destroying a case finds its chunks directly. */
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    /** iv ‖ ciphertext ‖ tag of one chunk (AES-256-GCM). */
    .addColumn('bytes', engine === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_attachment_chunks_pk', ['attachment_id', 'seq'])
    .execute();
  await db.schema.createIndex('case_attachment_chunks_case').on('case_attachment_chunks').column('case_id').execute();
}
