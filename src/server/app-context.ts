import type { Db } from '../db/connection.js';
import type { RecordCipher } from '../db/encryption/record-cipher.js';
import type { Repositories } from '../db/repositories.js';
import type { SessionLifetimePolicy } from '../domain/auth/session-lifetime.js';
import type { SignInThrottlePolicy } from '../domain/auth/sign-in-throttle.js';
import type { Config } from './config/config.js';
import type { Jobs } from './jobs/jobs.js';
import type { Mailer } from './mail/mailer.js';
import type { AuditGroupCommit } from './audit/audit-group-commit.js';
import type { MasterKey } from './security/master-key.js';

/** What every route module needs, made once at start and passed in (no global singletons). */
export interface AppContext {
  config: Config;
  db: Db;
  repos: Repositories;
  /** Derives the keys of the installation's own secrets (TOTP, recovery codes, client secrets). */
  secretsKey: MasterKey;
  /** Seals and opens narrative fields and attachments (a data key per record). */
  cipher: RecordCipher;
  /** The group commit through which reads write their audit events. */
  auditReads: AuditGroupCommit;
  /** The clock; tests move it. */
  now: () => Date;
  sessionLifetime: SessionLifetimePolicy;
  signInThrottle: SignInThrottlePolicy;
  /** Null when no SMTP server is configured. */
  mailer: Mailer | null;
  /** Background jobs: schedule one (e.g. a due-date notification); the runner runs them when due. */
  jobs: Jobs;
}
