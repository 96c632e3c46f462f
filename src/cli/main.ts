import { ConfigError } from '../server/config/config.js';
import { loadEnvironment } from './environment.js';
import { UsageError } from './usage-error.js';

const USAGE = `Gebruik / usage: meldpad <command> [options]

  start                          serve Meldpad (HOST, PORT, DATA_DIR, DATABASE_URL, PUBLIC_URL)
  migrate                        bring the database schema up to date
  create-admin --email E --name N [--school NAME] [--board-name B --school-name S]
                                 add a functional administrator (prints a one-time password)
  demo --out FILE                fill an empty database with a fictional board; accounts to FILE
  import-pupils --school NAME [--dry-run] [--confirm-leaving] FILE
                                 import pupils from an EDEX (.xml) or CSV file (one-way)
  audit verify [--threads N]     check the whole audit chain; names the first event altered,
                                 removed or inserted (exit 1); N threads (one per processor)
  rotate-key                     re-wrap every data key under a new master key, without downtime
  backup [--passphrase-file F] FILE
                                 an encrypted backup of the database and its master key
                                 (passphrase from F or BACKUP_PASSPHRASE)
  restore [--passphrase-file F] FILE
                                 restore a backup into an empty database, with its master key
  verify-pdf FILE                 whether a dossier PDF is exactly what Meldpad exported, as the
                                 audit chain records it (exit 0 when it matches, 1 when not)

Settings come from environment variables or a .env file in the current folder.`;

type Command = (args: string[], env: Record<string, string | undefined>) => Promise<number>;

// Each command is loaded when run: `meldpad start` need not load the demo generator, the backup
// code or the PDF reader, which would cost start-up time and memory.
const COMMANDS: Record<string, () => Promise<Command>> = {
  start: async () => (await import('./commands/start.js')).startCommand,
  migrate: async () => (await import('./commands/migrate.js')).migrateCommand,
  'create-admin': async () => (await import('./commands/create-admin.js')).createAdminCommand,
  demo: async () => (await import('./commands/demo.js')).demoCommand,
  'import-pupils': async () => (await import('./commands/import-pupils.js')).importPupilsCommand,
  audit: async () => (await import('./commands/audit.js')).auditCommand,
  'rotate-key': async () => (await import('./commands/rotate-key.js')).rotateKeyCommand,
  backup: async () => (await import('./commands/backup.js')).backupCommand,
  restore: async () => (await import('./commands/restore.js')).restoreCommand,
  'verify-pdf': async () => (await import('./commands/verify-pdf.js')).verifyPdfCommand,
};

/** Runs one command; returns the exit code. A bad setting prints one line and gives 1. */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const loadCommand = COMMANDS[name];
  if (!loadCommand) {
    console.error(`meldpad: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    const command = await loadCommand();
    return await command(args, loadEnvironment());
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    if (error instanceof UsageError) {
      console.error(`meldpad ${name}: ${error.message}`);
      return 2;
    }
    console.error(`meldpad ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
