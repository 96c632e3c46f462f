import type { Kysely } from 'kysely';
import type { Engine } from '../connection.js';

/**
 * Each dossier PDF that left Meldpad: which case, which variant, who exported it and when, and the
 * SHA-256 of the exact bytes handed out, so that a PDF can later be checked against it. Content-free.
 * The case is named by id without a foreign key: destroying the case at the end of its term leaves
 * the record that a PDF of it was once exported.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('dossier_exports')
    /** The export id; the verification code on the PDF is this id, grouped (MP-XXXX-XXXX-XXXX). */
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('school_id', 'text', (c) => c.notNull().references('schools.id'))
    /** `full` or `without-staff-names` */
    .addColumn('variant', 'text', (c) => c.notNull())
    .addColumn('exported_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('exported_at', 'text', (c) => c.notNull())
    /** Lower-case hex SHA-256 of the PDF's bytes. */
    .addColumn('sha256', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dossier_exports_sha256').on('dossier_exports').column('sha256').execute();
  await db.schema.createIndex('dossier_exports_case').on('dossier_exports').column('case_id').execute();
}
