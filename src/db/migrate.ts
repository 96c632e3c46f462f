import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './connection.js';
import * as foundation from './migrations/2026-11-29-0001-foundation.js';
import * as schoolsStaffGroups from './migrations/2026-11-29-0002-schools-staff-groups.js';
import * as identityProviders from './migrations/2026-11-29-0003-identity-providers.js';
import * as pupils from './migrations/2026-11-29-0004-pupils.js';
import * as cases from './migrations/2026-11-29-0005-cases.js';
import * as jobsNotifications from './migrations/2026-11-29-0006-jobs-notifications.js';
import * as auditChainAndSealing from './migrations/2026-11-29-0007-audit-chain-and-sealing.js';
import * as attachments from './migrations/2026-11-29-0009-attachments.js';
import * as retention from './migrations/2026-11-29-0010-retention.js';
import * as accessRequests from './migrations/2026-11-29-0011-access-requests.js';
import * as dossierExports from './migrations/2026-11-29-0012-dossier-exports.js';
import * as notificationMail from './migrations/2026-11-29-0013-notification-mail.js';
import * as performanceIndexes from './migrations/2026-11-29-0014-performance-indexes.js';

/** Every schema migration, in order. Names sort by date; a migration, once shipped, never changes. */
const MIGRATIONS = {
  '2026-11-29-0001-foundation': foundation,
  '2026-11-29-0002-schools-staff-groups': schoolsStaffGroups,
  '2026-11-29-0003-identity-providers': identityProviders,
  '2026-11-29-0004-pupils': pupils,
  '2026-11-29-0005-cases': cases,
  '2026-11-29-0006-jobs-notifications': jobsNotifications,
  '2026-11-29-0007-audit-chain-and-sealing': auditChainAndSealing,
  '2026-11-29-0009-attachments': attachments,
  '2026-11-29-0010-retention': retention,
  '2026-11-29-0011-access-requests': accessRequests,
  '2026-11-29-0012-dossier-exports': dossierExports,
  '2026-11-29-0013-notification-mail': notificationMail,
  '2026-11-29-0014-performance-indexes': performanceIndexes,
} as const;

class InCodeMigrations implements MigrationProvider {
  constructor(private readonly db: Db) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const engine = this.db.engine;
    return Object.fromEntries(
      Object.entries(MIGRATIONS).map(([name, migration]) => [name, { up: (db) => migration.up(db, engine) }]),
    );
  }
}

export interface MigrationReport {
  applied: string[];
}

/** Brings the schema up to date. Safe to run from several instances at once: Kysely takes a lock. */
export async function migrateToLatest(db: Db): Promise<MigrationReport> {
  // Unordered: a migration merged with an earlier date than one already applied still runs.
  const migrator = new Migrator({ db: db.kysely, provider: new InCodeMigrations(db), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
