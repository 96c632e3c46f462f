import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.js';
import { decodeMasterKey, MasterKey, readMasterKeyFile } from '../security/master-key.js';
import { BackupRefusal } from './backup-errors.js';

/** The setting that names where the master key comes from, as the config's errors name it. */
export function masterKeyVariable(source: Config['masterKey']): string {
  return source.kind === 'env' ? 'MASTER_KEY' : source.kind === 'file' ? 'MASTER_KEY_FILE' : 'DATA_DIR';
}

/** The configured master key, or null when its file does not exist (yet). Never generates one. */
export function readConfiguredMasterKey(source: Config['masterKey']): MasterKey | null {
  if (source.kind === 'env') return decodeMasterKey('MASTER_KEY', source.value);
  if (!existsSync(source.file)) return null;
  return readMasterKeyFile(masterKeyVariable(source), source.file);
}

export function fingerprintOf(key: Buffer): string {
  return MasterKey.fromBytes(key).fingerprint();
}

/** Where a restored master key goes: a new file, or nowhere because the configured key is that key. */
export type KeyPlacement = { kind: 'write'; file: string } | { kind: 'already-configured'; variable: string };

/** Decides before anything is written; a different key already configured refuses the restore. */
export function planKeyPlacement(source: Config['masterKey'], backupKey: Buffer): KeyPlacement {
  const variable = masterKeyVariable(source);
  const configured = readConfiguredMasterKey(source);
  if (configured === null) return { kind: 'write', file: (source as { file: string }).file };
  if (configured.exportBytes().equals(backupKey)) return { kind: 'already-configured', variable };
  const where = source.kind === 'env' ? 'MASTER_KEY' : `${variable}: ${source.file}`;
  throw new BackupRefusal(
    `${where} holds a different master key than the backup; unset MASTER_KEY, or let MASTER_KEY_FILE (or DATA_DIR with SQLite) name a key file that does not exist yet, and restore again`,
  );
}

/** Writes the key as Meldpad reads it (base64, one line), mode 0600, never over an existing file. */
export function writeMasterKeyFile(file: string, key: Buffer): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
}
