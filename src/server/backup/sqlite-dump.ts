import { chmodSync, copyFileSync, constants, existsSync, linkSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import SqliteDatabase from 'better-sqlite3';
import { BackupFileError, BackupRefusal } from './backup-errors.js';

/** A consistent copy of a live SQLite database through SQLite's online backup: safe while Meldpad runs. */
export async function dumpSqlite(file: string, outFile: string): Promise<void> {
  if (!existsSync(file)) throw new BackupRefusal(`there is no database at ${file}`);
  const connection = new SqliteDatabase(file, { fileMustExist: true });
  try {
    connection.pragma('busy_timeout = 5000');
    await connection.backup(outFile);
  } finally {
    connection.close();
  }
}

/** True when there is no database file yet, or one without a single table (never creates it). */
export function sqliteIsEmpty(file: string): boolean {
  if (!existsSync(file)) return true;
  const connection = new SqliteDatabase(file, { fileMustExist: true, readonly: true });
  try {
    const row = connection.prepare("select count(*) as n from sqlite_master where name not like 'sqlite_%'").get() as { n: number };
    return row.n === 0;
  } finally {
    connection.close();
  }
}

/** Puts the decrypted copy in place as the database file, all at once: a crash leaves no half file. */
export function restoreSqlite(plainFile: string, target: string): void {
  const check = new SqliteDatabase(plainFile, { fileMustExist: true, readonly: true });
  try {
    if (check.pragma('quick_check', { simple: true }) !== 'ok') throw new BackupFileError('damaged');
  } catch (error) {
    if (error instanceof BackupFileError) throw error;
    throw new BackupFileError('damaged');
  } finally {
    check.close();
  }
  mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  const staged = `${target}.restoring-${randomBytes(6).toString('hex')}`;
  try {
    copyFileSync(plainFile, staged, constants.COPYFILE_EXCL);
    chmodSync(staged, 0o600);
    // The target is empty or missing (checked before); a stale -wal beside it would be replayed
    // into the restored file, so it goes, and the empty file is replaced.
    for (const leftover of [`${target}-wal`, `${target}-shm`, target]) rmSync(leftover, { force: true });
    linkSync(staged, target);
  } finally {
    rmSync(staged, { force: true });
  }
}
