import { startMeldpad } from '../../server/start.js';

/** Serves Meldpad until SIGTERM or SIGINT, then closes connections and the database cleanly. */
export async function startCommand(_args: string[], env: Record<string, string | undefined>): Promise<number> {
  const running = await startMeldpad(env);
  console.log(`Meldpad draait op ${running.url} (${running.ctx.db.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'})`);
  if (running.setupLink) {
    console.log('');
    console.log('Meldpad is nog niet ingericht. Open deze eenmalige link om te beginnen:');
    console.log(`  ${running.setupLink}`);
    console.log('(Not set up yet. Open this one-time link to begin; it is valid for 24 hours.)');
    console.log('');
  }
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(`Meldpad stopt (${signal})…`);
      running.close().then(
        () => resolve(0),
        (error: unknown) => {
          console.error(`meldpad: error while stopping: ${error instanceof Error ? error.message : String(error)}`);
          resolve(1);
        },
      );
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}
