import { parseArgs } from 'node:util';
import { backupDatabase } from '../../server/backup/backup-database.js';
import { readPassphrase } from '../../server/backup/backup-passphrase.js';
import { loadConfig } from '../../server/config/config.js';
import { UsageError } from '../usage-error.js';

/** `meldpad backup [--passphrase-file F] FILE`: an encrypted backup of the database and its master key. */
export async function backupCommand(args: string[], env: Record<string, string | undefined>): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { 'passphrase-file': { type: 'string' } }, allowPositionals: true });
  if (positionals.length !== 1) throw new UsageError('name one file to write the backup to: meldpad backup [--passphrase-file F] FILE');
  const config = loadConfig(env);
  const passphrase = readPassphrase(values['passphrase-file'], env);
  const { file } = await backupDatabase(config, env, { outFile: positionals[0]!, passphrase, now: new Date() });
  console.log(`Back-up geschreven naar ${file}, versleuteld met de wachtwoordzin. / Backup written, encrypted with the passphrase.`);
  console.log('Bewaar de wachtwoordzin apart van de back-up: zonder haar is de back-up onleesbaar. / Keep the passphrase apart from the backup.');
  return 0;
}
