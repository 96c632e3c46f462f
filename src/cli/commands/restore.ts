import { parseArgs } from 'node:util';
import { readPassphrase } from '../../server/backup/backup-passphrase.js';
import { restoreDatabase } from '../../server/backup/restore-database.js';
import { ConfigError, loadConfig, type Config } from '../../server/config/config.js';
import { UsageError } from '../usage-error.js';

/** `meldpad restore [--passphrase-file F] FILE`: a backup into an empty database, with its master key. */
export async function restoreCommand(args: string[], env: Record<string, string | undefined>): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { 'passphrase-file': { type: 'string' } }, allowPositionals: true });
  if (positionals.length !== 1) throw new UsageError('name the backup file to restore: meldpad restore [--passphrase-file F] FILE');
  const config = restoreConfig(env);
  const passphrase = readPassphrase(values['passphrase-file'], env);
  const result = await restoreDatabase(config, env, { file: positionals[0]!, passphrase });
  console.log(`Back-up van ${result.createdAt} teruggezet (${result.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}). / Backup restored.`);
  if (result.migrationsApplied.length > 0) console.log(`Bijgewerkt met ${result.migrationsApplied.length} migratie(s). / Schema brought up to date.`);
  console.log(
    result.keyPlacement.kind === 'write'
      ? `De hoofdsleutel staat nu in ${result.keyPlacement.file} (mode 0600). / The master key was written to ${result.keyPlacement.file}.`
      : `De hoofdsleutel is die van ${result.keyPlacement.variable}; er is niets geschreven. / The master key is the one ${result.keyPlacement.variable} already names.`,
  );
  return 0;
}

/** With PostgreSQL the key must be named; for a restore the helpful name is a file still to be written. */
function restoreConfig(env: Record<string, string | undefined>): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError && error.variable === 'MASTER_KEY' && !env['MASTER_KEY']?.trim() && !env['MASTER_KEY_FILE']?.trim()) {
      throw new ConfigError('MASTER_KEY_FILE', 'required with PostgreSQL: name the file the restored master key is to be written to (it must not exist yet)');
    }
    throw error;
  }
}
