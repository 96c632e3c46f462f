import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, statSync } from 'node:fs';
import path from 'node:path';
import { isReachable, openDatabase } from '../../db/connection.js';
import type { Config } from '../config/config.js';
import { writeBackupFile } from './backup-container.js';
import { BackupRefusal } from './backup-errors.js';
import { masterKeyForBackup } from './backup-key-check.js';
import { checkNewPassphrase } from './backup-passphrase.js';
import { dumpPostgres, requireProgram } from './postgres-dump.js';
import { withPrivateWorkDir } from './private-work-dir.js';
import { dumpSqlite } from './sqlite-dump.js';

type Env = Record<string, string | undefined>;

export interface BackupOptions {
  outFile: string;
  passphrase: string;
  now: Date;
}

/**
 * Dumps the configured database and writes it encrypted to outFile, with the master key inside.
 * The plaintext dump lives only in a private temporary folder that is removed whatever happens;
 * outFile appears only once complete.
 */
export async function backupDatabase(config: Config, env: Env, options: BackupOptions): Promise<{ file: string }> {
  checkNewPassphrase(options.passphrase);
  const out = path.resolve(options.outFile);
  if (existsSync(out)) throw new BackupRefusal(`${out} already exists; choose a new file name`);
  if (!existsSync(path.dirname(out)) || !statSync(path.dirname(out)).isDirectory()) throw new BackupRefusal(`the folder ${path.dirname(out)} does not exist`);
  // Before touching the database: a missing tool is the operator's to fix first.
  if (config.database.kind === 'postgres') requireProgram('pg_dump', env);
  const masterKey = await databaseMasterKey(config);

  return withPrivateWorkDir('meldpad-backup-', async (workDir, alsoRemove) => {
    const partial = path.join(path.dirname(out), `.${path.basename(out)}.partial-${randomBytes(6).toString('hex')}`);
    alsoRemove(partial);
    const dump = path.join(workDir, 'dump');
    if (config.database.kind === 'sqlite') await dumpSqlite(config.database.file, dump);
    else await dumpPostgres(config.database.url, dump, env);
    await writeBackupFile({ plainFile: dump, outFile: partial, passphrase: options.passphrase, masterKey, engine: config.database.kind, createdAt: options.now });
    // A link, not a rename: it fails rather than replace a file that appeared in the meantime.
    linkSync(partial, out);
    return { file: out };
  });
}

/** Opens the database just long enough to check the key against it. */
async function databaseMasterKey(config: Config): Promise<Buffer> {
  if (config.database.kind === 'sqlite' && !existsSync(config.database.file)) throw new BackupRefusal(`there is no database at ${config.database.file}`);
  const db = openDatabase(config.database, { poolSize: 1 });
  try {
    if (!(await isReachable(db))) throw new BackupRefusal('cannot reach the database: check DATABASE_URL and that the database server is up');
    return (await masterKeyForBackup(db, config)).exportBytes();
  } finally {
    await db.close();
  }
}
