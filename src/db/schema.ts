import type { Generated } from 'kysely';

/**
 * The tables as Kysely sees them. Times are ISO-8601 UTC strings on both engines, so that
 * SQLite and PostgreSQL return the same shapes and sort the same way.
 */
export interface BoardTable {
  id: string;
  name: string;
  created_at: string;
}

export interface SchoolTable {
  id: string;
  board_id: string;
  name: string;
  created_at: string;
  brin: string | null;
  region: string | null;
  veilig_thuis_region: string | null;
  veilig_thuis_phone: string | null;
  risk_index_name: string | null;
  wijkteam: string | null;
  youth_protection: string | null;
  smw_organisation: string | null;
}

export interface GroupTable {
  id: string;
  school_id: string;
  name: string;
  year_groups: string;
  created_at: string;
  archived_at: string | null;
}

export interface GroupTeacherTable {
  group_id: string;
  user_id: string;
  school_id: string;
  created_at: string;
}

export interface AccountLinkTable {
  id: string;
  kind: string;
  token_hash: string;
  board_id: string;
  school_id: string;
  user_id: string | null;
  email: string;
  name: string;
  roles: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
}

export interface UserTable {
  id: string;
  board_id: string;
  email: string;
  name: string;
  password_hash: string;
  /** Sealed with the master key; set once enrolment is confirmed. */
  totp_secret: string | null;
  /** Sealed; the secret offered during enrolment, before a first code confirms it. */
  totp_pending_secret: string | null;
  totp_confirmed_at: string | null;
  /** The last accepted TOTP time step; a code may not be used twice. */
  totp_last_step: number | null;
  deactivated_at: string | null;
  created_at: string;
  /** How often notifications go out by mail: `immediate`, `daily` or `none`. */
  mail_frequency: Generated<string>;
}

export interface MembershipTable {
  id: string;
  user_id: string;
  board_id: string;
  /** Null for a membership of the board itself (role `board`). */
  school_id: string | null;
  role: string;
  created_at: string;
}

export interface RecoveryCodeTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: string | null;
  created_at: string;
}

export interface SessionTable {
  id: string;
  token_hash: string;
  user_id: string;
  stage: string;
  school_id: string | null;
  created_at: string;
  last_seen_at: string;
  /** Failed second-factor attempts in this session; too many end it. */
  failed_codes: number;
  /** Until when a fresh TOTP code allows changing other people's access. */
  elevated_until: string | null;
}

export interface SignInFailureTable {
  id: Generated<number>;
  /** `account:<hash of e-mail>` or `address:<ip>`. */
  subject: string;
  at: string;
}

export interface SetupTokenTable {
  token_hash: string;
  created_at: string;
  expires_at: string;
}

export interface InstanceSettingTable {
  key: string;
  value: string;
}

export interface AuditEventTable {
  id: Generated<number>;
  occurred_at: string;
  action: string;
  outcome: string;
  actor_user_id: string | null;
  actor_role: string | null;
  board_id: string | null;
  school_id: string | null;
  pupil_id: string | null;
  case_id: string | null;
  /** The record acted on when it is not a pupil or case (e.g. a user id). */
  subject_id: string | null;
  request_id: string | null;
  address: string | null;
  /** The event's place in the chain; null for events from before the chain. */
  seq: number | null;
  prev_hash: string | null;
  /** Keyed hash of this event's fields and `prev_hash`. */
  hash: string | null;
}

/** The last place and hash of the audit chain (one row); appending takes its row lock. */
export interface AuditChainHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface PupilTable {
  id: string;
  school_id: string;
  pupil_number: string;
  given_names: string;
  call_name: string;
  surname_prefix: string | null;
  surname: string;
  date_of_birth: string | null;
  sex: string | null;
  group_id: string | null;
  enrolled_on: string | null;
  left_on: string | null;
  search_text: string;
  source: string;
  created_at: string;
  updated_at: string;
}

export interface GuardianTable {
  id: string;
  board_id: string;
  name: string;
  phone: string | null;
  email: string | null;
  has_authority: number;
  created_at: string;
  updated_at: string;
}

export interface HouseholdTable {
  id: string;
  board_id: string;
  created_at: string;
}

export interface HouseholdPupilTable {
  household_id: string;
  pupil_id: string;
}

export interface HouseholdGuardianTable {
  household_id: string;
  guardian_id: string;
}

export interface StartOfYearTalkTable {
  id: string;
  school_id: string;
  pupil_id: string;
  school_year: string;
  held_on: string;
  staff_user_id: string;
  guardian_ids: string;
  notes: string | null;
  recorded_by: string;
  recorded_at: string;
  /** The row's data key, wrapped by the master key; its narrative fields are sealed under it. */
  data_key: string | null;
}

export interface ParentContactTable {
  id: string;
  school_id: string;
  pupil_id: string;
  school_year: string;
  contacted_on: string;
  staff_user_id: string;
  kind: string;
  notes: string | null;
  recorded_at: string;
  /** The row's data key, wrapped by the master key; its narrative fields are sealed under it. */
  data_key: string | null;
}

export interface IdentityProviderTable {
  id: string;
  board_id: string;
  name: string;
  /** `entra`, `google` or `oidc`. */
  kind: string;
  issuer: string;
  client_id: string;
  /** Sealed with the master key (purpose `oidc-client-secret`). */
  client_secret: string;
  /** 0 or 1: the provider always asks a second factor (so its `amr` may stand in for Meldpad's code). */
  enforces_mfa: number;
  enabled_at: string | null;
  created_at: string;
}

export interface SsoRequestTable {
  /** SHA-256 of the state; the state itself is only in the browser's round trip. */
  state_hash: string;
  provider_id: string;
  nonce_hash: string;
  code_verifier_hash: string;
  /** SHA-256 of the cookie binding the sign-in to the browser that started it. */
  browser_hash: string;
  created_at: string;
  expires_at: string;
}

export interface ProtocolVersionTable {
  id: string;
  school_id: string;
  version: number;
  content: string;
  change_note: string | null;
  created_by: string | null;
  created_at: string;
}

export interface CaseTable {
  id: string;
  school_id: string;
  board_id: string;
  pupil_id: string;
  route: string;
  protocol_version_id: string | null;
  step: number;
  phase: string;
  casushouder_user_id: string | null;
  started_by: string;
  started_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface CaseTeamMemberTable {
  case_id: string;
  user_id: string;
  team_role: string;
  added_by: string;
  added_at: string;
}

export interface CaseBreakGlassTable {
  id: string;
  case_id: string;
  user_id: string;
  reason: string;
  opened_at: string;
  /** The row's data key, wrapped by the master key; its narrative fields are sealed under it. */
  data_key: string | null;
}

export interface CaseEntryTable {
  id: string;
  case_id: string;
  school_id: string;
  entry_id: string;
  version: number;
  kind: string;
  body: string;
  recorded_by: string;
  recorded_at: string;
  correction_reason: string | null;
  position: number;
  /** The row's data key, wrapped by the master key; its narrative fields are sealed under it. */
  data_key: string | null;
}

export interface JobTable {
  id: string;
  kind: string;
  /** JSON, ids only. */
  payload: string;
  run_at: string;
  /** `pending`, `running`, `done` or `failed`. */
  status: string;
  attempts: number;
  max_attempts: number;
  lease_owner: string | null;
  lease_until: string | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: string;
  updated_at: string;
}

export interface NotificationTable {
  id: string;
  school_id: string;
  user_id: string;
  kind: string;
  case_id: string | null;
  subject_id: string | null;
  due_on: string | null;
  created_at: string;
  read_at: string | null;
  /** `pending`, `sending`, `sent` or `skipped` */
  mail_state: Generated<string>;
  mailed_at: string | null;
}

/** A school's own retention term (absent: the default of two years after leaving). */
export interface RetentionTermTable {
  school_id: string;
  years: number;
  set_by: string;
  set_at: string;
}

/** A legal hold on a case; on while `lifted_at` is null. */
export interface CaseLegalHoldTable {
  id: string;
  case_id: string;
  school_id: string;
  ground: string;
  set_by: string;
  set_at: string;
  lifted_by: string | null;
  lifted_at: string | null;
}

/** The content-free record that a case was destroyed. */
export interface CaseDestructionTable {
  case_id: string;
  school_id: string;
  board_id: string;
  route: string;
  started_on: string;
  closed_on: string;
  due_on: string;
  term_years: number;
  term_set_by: string | null;
  term_set_at: string | null;
  confirmed_by: string;
  destroyed_at: string;
}

/** An access request (inzageverzoek): who asked, in what capacity, when; who handled and exported it. No content. */
export interface AccessRequestTable {
  id: string;
  school_id: string;
  pupil_id: string;
  requester_capacity: string;
  requester_guardian_id: string | null;
  requester_name: string | null;
  received_on: string;
  registered_by: string;
  registered_at: string;
  exported_by: string | null;
  exported_at: string | null;
}

/** A case (entry_id null) or entry withheld from an access request, on a ground. Ids only. */
export interface AccessRequestWithholdingTable {
  id: string;
  access_request_id: string;
  case_id: string;
  entry_id: string | null;
  ground: string;
  recorded_by: string;
  recorded_at: string;
  position: number;
}

/** A file on a signal or conversation; its name sealed under `data_key`, its content in sealed chunks. */
export interface CaseAttachmentTable {
  id: string;
  case_id: string;
  school_id: string;
  entry_id: string;
  content_type: string | null;
  size_bytes: Generated<number>;
  chunk_count: Generated<number>;
  file_name: string;
  data_key: string;
  state: 'pending' | 'stored';
  uploaded_by: string;
  uploaded_at: string;
}

/** One sealed chunk of an attachment (iv ‖ ciphertext ‖ tag). */
export interface CaseAttachmentChunkTable {
  attachment_id: string;
  case_id: string;
  seq: number;
  bytes: Uint8Array;
}

/** A dossier PDF that was exported: content-free, with the digest of its bytes. */
export interface DossierExportTable {
  id: string;
  case_id: string;
  school_id: string;
  variant: string;
  exported_by: string;
  exported_at: string;
  sha256: string;
}

export interface Database {
  boards: BoardTable;
  schools: SchoolTable;
  users: UserTable;
  memberships: MembershipTable;
  recovery_codes: RecoveryCodeTable;
  sessions: SessionTable;
  sign_in_failures: SignInFailureTable;
  setup_tokens: SetupTokenTable;
  instance_settings: InstanceSettingTable;
  protocol_versions: ProtocolVersionTable;
  cases: CaseTable;
  case_team_members: CaseTeamMemberTable;
  case_break_glass: CaseBreakGlassTable;
  case_entries: CaseEntryTable;
  audit_events: AuditEventTable;
  audit_chain_head: AuditChainHeadTable;
  groups: GroupTable;
  group_teachers: GroupTeacherTable;
  account_links: AccountLinkTable;
  identity_providers: IdentityProviderTable;
  sso_requests: SsoRequestTable;
  pupils: PupilTable;
  guardians: GuardianTable;
  households: HouseholdTable;
  household_pupils: HouseholdPupilTable;
  household_guardians: HouseholdGuardianTable;
  start_of_year_talks: StartOfYearTalkTable;
  parent_contacts: ParentContactTable;
  jobs: JobTable;
  notifications: NotificationTable;
  access_requests: AccessRequestTable;
  access_request_withholdings: AccessRequestWithholdingTable;
  retention_terms: RetentionTermTable;
  case_legal_holds: CaseLegalHoldTable;
  case_destructions: CaseDestructionTable;
  case_attachments: CaseAttachmentTable;
  case_attachment_chunks: CaseAttachmentChunkTable;
  dossier_exports: DossierExportTable;
}
