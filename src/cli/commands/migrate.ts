import { loadConfig } from '../../server/config/config.js';
import { openDataStore } from '../../server/start.js';

/** Brings the schema up to date (start does this too) and checks the master key. */
export async function migrateCommand(_args: string[], env: Record<string, string | undefined>): Promise<number> {
  const config = loadConfig(env);
  const { db } = await openDataStore(config);
  await db.close();
  console.log('De database is bijgewerkt. / The database schema is up to date.');
  return 0;
}
