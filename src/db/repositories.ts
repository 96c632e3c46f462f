import type { Db } from './connection.js';
import { AuditRepository } from './repositories/audit-repository.js';
import { BoardsRepository } from './repositories/boards-repository.js';
import { InstanceSettingsRepository } from './repositories/instance-settings-repository.js';
import { RecoveryCodesRepository } from './repositories/recovery-codes-repository.js';
import { SessionsRepository } from './repositories/sessions-repository.js';
import { SetupTokensRepository } from './repositories/setup-tokens-repository.js';
import { SignInFailuresRepository } from './repositories/sign-in-failures-repository.js';
import { UsersRepository } from './repositories/users-repository.js';

/** The repositories of one database, made once at start. */
export interface Repositories {
  audit: AuditRepository;
  boards: BoardsRepository;
  instanceSettings: InstanceSettingsRepository;
  recoveryCodes: RecoveryCodesRepository;
  sessions: SessionsRepository;
  setupTokens: SetupTokensRepository;
  signInFailures: SignInFailuresRepository;
  users: UsersRepository;
}

export function createRepositories(db: Db): Repositories {
  const k = db.kysely;
  return {
    audit: new AuditRepository(k),
    boards: new BoardsRepository(k),
    instanceSettings: new InstanceSettingsRepository(k),
    recoveryCodes: new RecoveryCodesRepository(k),
    sessions: new SessionsRepository(k),
    setupTokens: new SetupTokensRepository(k),
    signInFailures: new SignInFailuresRepository(k),
    users: new UsersRepository(k),
  };
}
