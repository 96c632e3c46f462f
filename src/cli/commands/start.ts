import { startMeldpad, type RunningMeldpad } from '../../server/start.js';

/** Serves Meldpad until SIGTERM or SIGINT, then closes connections and the database cleanly. */
export async function startCommand(_args: string[], env: Record<string, string | undefined>): Promise<number> {
  const running = await startMeldpad(env);
  // Listen for the signals before saying we are up: whoever waits for that line may stop us at once.
  const stopped = untilStopped(running);
  console.log(announcement(running));
  return stopped;
}

function untilStopped(running: RunningMeldpad): Promise<number> {
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

function announcement(running: RunningMeldpad): string {
  const lines = [`Meldpad draait op ${running.url} (${running.ctx.db.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'})`];
  if (running.setupLink) {
    lines.push(
      '',
      'Meldpad is nog niet ingericht. Open deze eenmalige link om te beginnen (24 uur geldig):',
      `  ${running.setupLink}`,
      '(Not set up yet. Open this one-time link to begin; it is valid for 24 hours.)',
      '',
    );
  }
  return lines.join('\n');
}
