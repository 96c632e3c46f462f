import type { Db } from './connection.js';
import type { RecordCipher } from './encryption/record-cipher.js';
import { AccessRequestsRepository } from './repositories/access-requests-repository.js';
import { AccountLinksRepository } from './repositories/account-links-repository.js';
import { AttachmentsRepository } from './repositories/attachments-repository.js';
import { AuditRepository } from './repositories/audit-repository.js';
import { CaseAccessLogRepository } from './repositories/case-access-log-repository.js';
import { CasesRepository } from './repositories/cases-repository.js';
import { CaseDestructionRepository } from './repositories/case-destruction-repository.js';
import { DossierExportsRepository } from './repositories/dossier-exports-repository.js';
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
import { RetentionRepository } from './repositories/retention-repository.js';
import { SchoolSettingsRepository } from './repositories/school-settings-repository.js';
import { SessionsRepository } from './repositories/sessions-repository.js';
import { SetupTokensRepository } from './repositories/setup-tokens-repository.js';
import { SignInFailuresRepository } from './repositories/sign-in-failures-repository.js';
import { StaffRepository } from './repositories/staff-repository.js';
import { StatisticsRepository } from './repositories/statistics-repository.js';
import { UsersRepository } from './repositories/users-repository.js';

/** The repositories of one database, made once at start. */
export interface Repositories {
  accessRequests: AccessRequestsRepository;
  accountLinks: AccountLinksRepository;
  /** Files on signals and conversations, sealed in chunks. */
  attachments: AttachmentsRepository;
  audit: AuditRepository;
  boards: BoardsRepository;
  cases: CasesRepository;
  /** Removes a case and every row about it (retention); the caller's transaction. */
  caseDestruction: CaseDestructionRepository;
  /** Reads for "who saw this file": a case's audit events and the team over time. */
  caseAccessLog: CaseAccessLogRepository;
  /** Dossier PDFs handed out, with the digest of each file (content-free). */
  dossierExports: DossierExportsRepository;
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
  retention: RetentionRepository;
  schoolSettings: SchoolSettingsRepository;
  sessions: SessionsRepository;
  setupTokens: SetupTokensRepository;
  signInFailures: SignInFailuresRepository;
  staff: StaffRepository;
  /** Reads for the meldcode figures of a school or board (counts and dates; no names). */
  statistics: StatisticsRepository;
  users: UsersRepository;
}

/** The keys repositories work with: narrative fields are sealed, audit events hash-chained. */
export interface RepositoryKeys {
  cipher: RecordCipher;
  auditChainKey: Buffer;
}

export function createRepositories(db: Db, keys: RepositoryKeys): Repositories {
  const k = db.kysely;
  return {
    accessRequests: new AccessRequestsRepository(k),
    accountLinks: new AccountLinksRepository(k),
    attachments: new AttachmentsRepository(k, keys.cipher),
    audit: new AuditRepository(k, keys.auditChainKey),
    boards: new BoardsRepository(k),
    cases: new CasesRepository(k, keys.cipher),
    caseDestruction: new CaseDestructionRepository(k),
    caseAccessLog: new CaseAccessLogRepository(k),
    dossierExports: new DossierExportsRepository(k),
    groups: new GroupsRepository(k),
    identityProviders: new IdentityProvidersRepository(k),
    households: new HouseholdsRepository(k),
    instanceSettings: new InstanceSettingsRepository(k),
    jobs: new JobsRepository(k, db.engine),
    notifications: new NotificationsRepository(k),
    preventive: new PreventiveRepository(k, keys.cipher),
    protocols: new ProtocolsRepository(k),
    pupilImport: new PupilImportRepository(k),
    pupils: new PupilsRepository(k),
    recoveryCodes: new RecoveryCodesRepository(k),
    retention: new RetentionRepository(k),
    schoolSettings: new SchoolSettingsRepository(k),
    sessions: new SessionsRepository(k),
    setupTokens: new SetupTokensRepository(k),
    signInFailures: new SignInFailuresRepository(k),
    staff: new StaffRepository(k),
    statistics: new StatisticsRepository(k, keys.cipher),
    users: new UsersRepository(k),
  };
}
