import type { Db } from './connection.js';
import { AccountLinksRepository } from './repositories/account-links-repository.js';
import { AuditRepository } from './repositories/audit-repository.js';
import { CasesRepository } from './repositories/cases-repository.js';
import { BoardsRepository } from './repositories/boards-repository.js';
import { GroupsRepository } from './repositories/groups-repository.js';
import { IdentityProvidersRepository } from './repositories/identity-providers-repository.js';
import { HouseholdsRepository } from './repositories/households-repository.js';
import { InstanceSettingsRepository } from './repositories/instance-settings-repository.js';
import { JobsRepository } from './repositories/jobs-repository.js';
import { NotificationsRepository } from './repositories/notifications-repository.js';
import { PreventiveRepository } from './repositories/preventive-repository.js';
import { ProtocolsRepository } from './repositories/protocols-repository.js';
import { PupilImportRepository } from './repositories/pupil-import-repository.js';
import { PupilsRepository } from './repositories/pupils-repository.js';
import { RecoveryCodesRepository } from './repositories/recovery-codes-repository.js';
import { SchoolSettingsRepository } from './repositories/school-settings-repository.js';
import { SessionsRepository } from './repositories/sessions-repository.js';
import { SetupTokensRepository } from './repositories/setup-tokens-repository.js';
import { SignInFailuresRepository } from './repositories/sign-in-failures-repository.js';
import { StaffRepository } from './repositories/staff-repository.js';
import { UsersRepository } from './repositories/users-repository.js';

/** The repositories of one database, made once at start. */
export interface Repositories {
  accountLinks: AccountLinksRepository;
  audit: AuditRepository;
  boards: BoardsRepository;
  cases: CasesRepository;
  groups: GroupsRepository;
  identityProviders: IdentityProvidersRepository;
  households: HouseholdsRepository;
  instanceSettings: InstanceSettingsRepository;
  /** System repository: the job queue of background work, not scoped to a school. */
  jobs: JobsRepository;
  notifications: NotificationsRepository;
  preventive: PreventiveRepository;
  protocols: ProtocolsRepository;
  pupilImport: PupilImportRepository;
  pupils: PupilsRepository;
  recoveryCodes: RecoveryCodesRepository;
  schoolSettings: SchoolSettingsRepository;
  sessions: SessionsRepository;
  setupTokens: SetupTokensRepository;
  signInFailures: SignInFailuresRepository;
  staff: StaffRepository;
  users: UsersRepository;
}

export function createRepositories(db: Db): Repositories {
  const k = db.kysely;
  return {
    accountLinks: new AccountLinksRepository(k),
    audit: new AuditRepository(k),
    boards: new BoardsRepository(k),
    cases: new CasesRepository(k),
    groups: new GroupsRepository(k),
    identityProviders: new IdentityProvidersRepository(k),
    households: new HouseholdsRepository(k),
    instanceSettings: new InstanceSettingsRepository(k),
    jobs: new JobsRepository(k, db.engine),
    notifications: new NotificationsRepository(k),
    preventive: new PreventiveRepository(k),
    protocols: new ProtocolsRepository(k),
    pupilImport: new PupilImportRepository(k),
    pupils: new PupilsRepository(k),
    recoveryCodes: new RecoveryCodesRepository(k),
    schoolSettings: new SchoolSettingsRepository(k),
    sessions: new SessionsRepository(k),
    setupTokens: new SetupTokensRepository(k),
    signInFailures: new SignInFailuresRepository(k),
    staff: new StaffRepository(k),
    users: new UsersRepository(k),
  };
}
