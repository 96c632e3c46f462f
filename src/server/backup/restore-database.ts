import { existsSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';
import { InstanceSettingsRepository } from '../../db/repositories/instance-settings-repository.js';
import type { Config } from '../config/config.js';
import { FINGERPRINT_SETTING } from '../security/store-keys.js';
import { openDataStore } from '../start.js';
import { openBackupFile } from './backup-container.js';
import { BackupRefusal } from './backup-errors.js';
import { fingerprintOf, planKeyPlacement, writeMasterKeyFile, type KeyPlacement } from './backup-master-key.js';
import { withPrivateWorkDir } from './private-work-dir.js';
import { postgresIsEmpty, requireProgram, restorePostgres } from './postgres-dump.js';
import { restoreSqlite, sqliteIsEmpty } from './sqlite-dump.js';

type Env = Record<string, string | undefined>;

const ENGINE_NAMES = { sqlite: 'SQLite', postgres: 'PostgreSQL' } as const;

export interface RestoreResult {
  engine: 'sqlite' | 'postgres';
  createdAt: string;
  keyPlacement: KeyPlacement;
  migrationsApplied: string[];
}

/**
 * Restores a backup into the configured, empty database and puts its master key where this
 * configuration reads it. Every check that can refuse runs before anything is written.
 */
export async function restoreDatabase(config: Config, env: Env, options: { file: string; passphrase: string }): Promise<RestoreResult> {
  const file = path.resolve(options.file);
  if (!existsSync(file)) throw new BackupRefusal(`there is no file ${file}`);
  const backup = await openBackupFile(file, options.passphrase);
  const engine = backup.header.engine;
  if (engine !== config.database.kind) {
    throw new BackupRefusal(`this is a backup of a ${ENGINE_NAMES[engine]} database; set DATABASE_URL to an empty ${ENGINE_NAMES[engine]} database${engine === 'sqlite' ? ' (a file path, or leave it empty)' : ''}`);
  }
  if (config.database.kind === 'postgres') requireProgram('pg_restore', env);
  const keyPlacement = planKeyPlacement(config.masterKey, backup.masterKey);
  const empty = config.database.kind === 'sqlite' ? sqliteIsEmpty(config.database.file) : await postgresIsEmpty(config.database.url);
  if (!empty) {
    const where = config.database.kind === 'sqlite' ? config.database.file : 'DATABASE_URL';
    throw new BackupRefusal(`the database (${where}) is not empty; restore only into an empty database`);
  }

  await withPrivateWorkDir('meldpad-restore-', async (workDir) => {
    const dump = path.join(workDir, 'dump');
    // Every chunk is checked before the database sees a byte of it.
    await backup.decryptTo(dump);
    if (config.database.kind === 'sqlite') restoreSqlite(dump, config.database.file);
    else await restorePostgres(dump, config.database.url, env);
  });

  const db = openDatabase(config.database, { poolSize: 1 });
  try {
    const stored = await new InstanceSettingsRepository(db.kysely).get(FINGERPRINT_SETTING);
    if (stored !== fingerprintOf(backup.masterKey)) throw new BackupRefusal('the restored database does not belong to the master key in the backup; the backup is not usable');
    if (keyPlacement.kind === 'write') writeMasterKeyFile(keyPlacement.file, backup.masterKey);
    // A backup from an older version is brought up to this version's schema.
    const { applied } = await migrateToLatest(db);
    // Then start-up's own checks, with the key where it now is: fingerprint, secrets key, sealing.
    const opened = await openDataStore(config);
    await opened.db.close();
    return { engine, createdAt: backup.header.createdAt, keyPlacement, migrationsApplied: applied };
  } finally {
    await db.close();
  }
}
