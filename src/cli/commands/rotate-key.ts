import { loadConfig } from '../../server/config/config.js';
import { rotateMasterKey } from '../../server/security/key-rotation.js';
import { openDataStore } from '../../server/start.js';
import { UsageError } from '../usage-error.js';

/** `meldpad rotate-key`: re-wraps every data key under a new master key while Meldpad keeps running. */
export async function rotateKeyCommand(args: string[], env: Record<string, string | undefined>): Promise<number> {
  if (args.length > 0) throw new UsageError('rotate-key takes no arguments; the new key comes from the settings (see README)');
  const config = loadConfig(env);
  const { db } = await openDataStore(config);
  try {
    const report = await rotateMasterKey(db, config);
    const where = report.keyFile ? ` The new key is ${report.keyFile}; the old one is kept as ${report.keyFile}.previous until you remove it.` : ' MASTER_KEY_PREVIOUS can now be removed from every instance.';
    console.log(`Master key rotated / hoofdsleutel vervangen: ${report.rewrapped} data keys re-wrapped under key ${report.keyId}.${where}`);
    return 0;
  } finally {
    await db.close();
  }
}
