import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import { RecordCipher } from '../../db/encryption/record-cipher.js';
import { InstanceSettingsRepository } from '../../db/repositories/instance-settings-repository.js';
import { ConfigError, type Config } from '../config/config.js';
import { MasterKey } from './master-key.js';
import { MasterKeyring } from './master-keyring.js';

export const FINGERPRINT_SETTING = 'master_key_fingerprint';
export const SECRETS_KEY_SETTING = 'secrets_key';

/** The keys an opened database is used with. */
export interface StoreKeys {
  keyring: MasterKeyring;
  /** Wraps and unwraps the per-record data keys of narrative fields. */
  cipher: RecordCipher;
  /**
   * The installation's own secrets key (TOTP secrets, recovery codes, client secrets, the audit chain's
   * hash key). It is stored wrapped by the master key, so rotating the master key leaves it — and
   * everything derived from it — unchanged.
   */
  secretsKey: MasterKey;
}

function keyVariable(config: Config): string {
  return config.masterKey.kind === 'env' ? 'MASTER_KEY' : config.masterKey.kind === 'file' ? 'MASTER_KEY_FILE' : 'DATA_DIR';
}

/**
 * Loads the master key(s) and checks them against the fingerprint stored in the database: a wrong key
 * stops start-up, since it would make every sealed field unreadable. During a rotation the stored
 * fingerprint may be that of the previous key.
 */
export async function unlockStore(db: Db, config: Config): Promise<StoreKeys> {
  const settings = new InstanceSettingsRepository(db.kysely);
  const stored = await settings.get(FINGERPRINT_SETTING);
  if (stored && config.masterKey.kind === 'generated-file' && !existsSync(config.masterKey.file)) {
    throw new ConfigError('DATA_DIR', `the master key ${config.masterKey.file} is missing for an existing database; restore it from your backup`);
  }
  const { keyring } = MasterKeyring.load(config);
  const primary = keyring.primaryKey();
  const fingerprint = stored ?? (await settings.setIfAbsent(FINGERPRINT_SETTING, primary.fingerprint()));
  if (!keyring.keys().some((key) => key.fingerprint() === fingerprint)) {
    throw new ConfigError(keyVariable(config), 'the master key does not match the key this database was created with');
  }
  const cipher = new RecordCipher(keyring);
  // A database from before the secrets key derived its secrets from the master key itself: keep them readable.
  const initial = stored ? primary.exportBytes() : randomBytes(32);
  const wrapped = await settings.setIfAbsent(SECRETS_KEY_SETTING, cipher.wrap(initial));
  return { keyring, cipher, secretsKey: MasterKey.fromBytes(cipher.unwrap(wrapped)) };
}
