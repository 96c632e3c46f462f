import type { Kysely } from 'kysely';
import type { Db } from '../../db/connection.js';
import { SEALED_TABLES } from '../../db/encryption/sealed-fields.js';
import { RecordCipher } from '../../db/encryption/record-cipher.js';
import { InstanceSettingsRepository } from '../../db/repositories/instance-settings-repository.js';
import type { Config } from '../config/config.js';
import type { MasterKey } from '../security/master-key.js';
import { FINGERPRINT_SETTING, SECRETS_KEY_SETTING } from '../security/store-keys.js';
import { BackupRefusal } from './backup-errors.js';
import { masterKeyVariable, readConfiguredMasterKey } from './backup-master-key.js';

/**
 * The one master key a backup carries: the configured key, once it is certain that this database
 * was made with it and that nothing in it is still wrapped under an older key (an unfinished
 * `meldpad rotate-key`) — a backup carrying the new key alone would then be partly unreadable.
 */
export async function masterKeyForBackup(db: Db, config: Config): Promise<MasterKey> {
  const variable = masterKeyVariable(config.masterKey);
  const key = readConfiguredMasterKey(config.masterKey);
  if (!key) throw new BackupRefusal(`${variable}: the master key ${(config.masterKey as { file: string }).file} is missing`);
  const settings = new InstanceSettingsRepository(db.kysely);
  // A database that was never migrated has no settings table: nothing to back up either.
  const stored = await settings.get(FINGERPRINT_SETTING).catch(() => null);
  if (!stored) throw new BackupRefusal('the database has not been set up yet (it holds no master key fingerprint); there is nothing to back up');
  if (stored !== key.fingerprint()) {
    throw new BackupRefusal(`${variable}: the master key does not match the key this database was created with, or a key rotation is not finished (run meldpad rotate-key first)`);
  }
  const secrets = await settings.get(SECRETS_KEY_SETTING);
  if ((secrets !== null && RecordCipher.wrappedUnder(secrets) !== key.id()) || (await rowsUnderOtherKeys(db, key.id())) > 0) {
    throw new BackupRefusal('some records are still wrapped under an older master key: finish the key rotation (meldpad rotate-key), then back up');
  }
  return key;
}

async function rowsUnderOtherKeys(db: Db, keyId: string): Promise<number> {
  const present = new Set((await db.kysely.introspection.getTables()).map((t) => t.name));
  const tables = db.kysely as unknown as Kysely<Record<string, { data_key: string | null }>>;
  let count = 0;
  for (const table of Object.keys(SEALED_TABLES)) {
    // A database from an older version may not have every sealed table yet.
    if (!present.has(table)) continue;
    const row = await tables
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('data_key', 'is not', null)
      .where('data_key', 'not like', `w1.${keyId}.%`)
      .executeTakeFirstOrThrow();
    count += Number(row.n);
  }
  return count;
}
