import { readFileSync } from 'node:fs';
import { BackupRefusal } from './backup-errors.js';

export const MIN_PASSPHRASE_LENGTH = 12;

/**
 * The operator's passphrase: from --passphrase-file (one line; the newline is not part of it) or
 * BACKUP_PASSPHRASE. Never from the command line itself, where `ps` and the shell history see it.
 */
export function readPassphrase(file: string | undefined, env: Record<string, string | undefined>): string {
  let passphrase: string;
  if (file !== undefined) {
    try {
      passphrase = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch {
      throw new BackupRefusal(`cannot read the passphrase file ${file}`);
    }
  } else {
    const fromEnv = env['BACKUP_PASSPHRASE'];
    if (fromEnv === undefined || fromEnv === '') throw new BackupRefusal('give the passphrase in BACKUP_PASSPHRASE or with --passphrase-file FILE');
    passphrase = fromEnv;
  }
  if (passphrase === '') throw new BackupRefusal('the passphrase is empty');
  return passphrase;
}

/** A new backup's passphrase must resist guessing for years: it guards the master key too. */
export function checkNewPassphrase(passphrase: string): void {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new BackupRefusal(`the passphrase is too short: use at least ${MIN_PASSPHRASE_LENGTH} characters (a few random words work well)`);
  }
}
