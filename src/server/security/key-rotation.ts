import { existsSync, renameSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Db } from '../../db/connection.js';
import { RecordCipher } from '../../db/encryption/record-cipher.js';
import { SEALED_TABLES, type SealedTable } from '../../db/encryption/sealed-fields.js';
import { InstanceSettingsRepository } from '../../db/repositories/instance-settings-repository.js';
import type { Database } from '../../db/schema.js';
import { ConfigError, type Config } from '../config/config.js';
import { generateMasterKeyFile, readMasterKeyFile, type MasterKey } from './master-key.js';
import { MasterKeyring, nextKeyFile, previousKeyFile } from './master-keyring.js';
import { FINGERPRINT_SETTING, SECRETS_KEY_SETTING, unlockStore } from './store-keys.js';

const BATCH = 500;

export interface RotationReport {
  /** The new master key's id (a prefix of its fingerprint). */
  keyId: string;
  rewrapped: number;
  /** Where a generated key went, when it was generated. */
  keyFile: string | null;
}

/**
 * Re-wraps every data key (and the secrets key) under a new master key, in small transactions while
 * Meldpad keeps running: records are readable under either key throughout, and the stored fingerprint
 * moves to the new key only once every data key has moved.
 *
 * - A generated key (single SQLite instance): the new key is written to master.key.next, then becomes
 *   master.key, the old one master.key.previous; the running instance picks it up by itself.
 * - A supplied key (PostgreSQL): first start every instance with MASTER_KEY = the new key and
 *   MASTER_KEY_PREVIOUS = the old one, then run this; afterwards MASTER_KEY_PREVIOUS can go.
 */
export async function rotateMasterKey(db: Db, config: Config): Promise<RotationReport> {
  const current = await unlockStore(db, config);
  let target: MasterKey;
  let keyFile: string | null = null;
  if (config.masterKey.kind === 'generated-file') {
    const next = nextKeyFile(config.masterKey.file);
    target = existsSync(next) ? readMasterKeyFile('DATA_DIR', next) : generateMasterKeyFile(next);
    keyFile = config.masterKey.file;
  } else {
    if (!config.masterKeyPrevious) {
      throw new ConfigError('MASTER_KEY_PREVIOUS', 'to rotate, set MASTER_KEY to the new key and MASTER_KEY_PREVIOUS to the current one, restart every instance, then run rotate-key');
    }
    target = current.keyring.primaryKey();
  }
  const cipher = new RecordCipher(MasterKeyring.of(target, ...current.keyring.keys()));
  let rewrapped = await rewrapAll(db.kysely, cipher);

  const settings = new InstanceSettingsRepository(db.kysely);
  const wrappedSecrets = await settings.get(SECRETS_KEY_SETTING);
  if (wrappedSecrets && RecordCipher.wrappedUnder(wrappedSecrets) !== target.id()) {
    await settings.replace(SECRETS_KEY_SETTING, wrappedSecrets, cipher.rewrap(wrappedSecrets));
  }
  const fingerprint = await settings.get(FINGERPRINT_SETTING);
  if (fingerprint !== null) await settings.replace(FINGERPRINT_SETTING, fingerprint, target.fingerprint());

  if (config.masterKey.kind === 'generated-file') {
    const file = config.masterKey.file;
    renameSync(file, previousKeyFile(file));
    renameSync(nextKeyFile(file), file);
    // Records a running instance wrapped under the old key before it saw the new one.
    rewrapped += await rewrapAll(db.kysely, cipher);
  }
  return { keyId: target.id(), rewrapped, keyFile };
}

type AnyTables = Kysely<Record<string, { id: string; data_key: string | null }>>;

async function rewrapAll(db: Kysely<Database>, cipher: RecordCipher): Promise<number> {
  const target = cipher.currentKeyId();
  const tables = db as unknown as AnyTables;
  let count = 0;
  for (const table of Object.keys(SEALED_TABLES) as SealedTable[]) {
    let after = '';
    for (;;) {
      const rows = await tables
        .selectFrom(table)
        .select(['id', 'data_key'])
        .where('data_key', 'is not', null)
        .where('data_key', 'not like', `w1.${target}.%`)
        .where('id', '>', after)
        .orderBy('id')
        .limit(BATCH)
        .execute();
      if (rows.length === 0) break;
      await tables.transaction().execute(async (tx) => {
        for (const row of rows) {
          const wrapped = row.data_key as string;
          // Only if unchanged meanwhile: a record re-written concurrently already has a fresh key.
          await tx.updateTable(table).set({ data_key: cipher.rewrap(wrapped) }).where('id', '=', row.id).where('data_key', '=', wrapped).execute();
        }
      });
      count += rows.length;
      after = rows[rows.length - 1]!.id;
    }
  }
  return count;
}
