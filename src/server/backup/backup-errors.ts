const PROBLEMS = {
  'not-a-backup': 'this is not a Meldpad backup file',
  unsupported: 'this backup was made by a newer Meldpad, or its header is damaged',
  'wrong-passphrase': 'the passphrase is wrong, or the backup file is damaged',
  damaged: 'the backup file is damaged (a part of it failed its integrity check)',
  truncated: 'the backup file is incomplete (it was cut short)',
} as const;

export type BackupFileProblem = keyof typeof PROBLEMS;

/** A backup that cannot be read as it is: one line for the operator, never a secret in it. */
export class BackupFileError extends Error {
  constructor(readonly problem: BackupFileProblem) {
    super(PROBLEMS[problem]);
    this.name = 'BackupFileError';
  }
}

/** A backup or restore that cannot go ahead as configured (wrong engine, database not empty, key clash). */
export class BackupRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupRefusal';
  }
}
