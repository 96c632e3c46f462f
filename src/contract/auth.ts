import { z } from 'zod';
import { ROLES } from '../domain/people/roles.js';

const email = z.string().trim().toLowerCase().min(3).max(254).email();

export const loginRequest = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const loginResponse = z.object({ next: z.enum(['totp', 'enrol-totp']) });
export type LoginResponse = z.infer<typeof loginResponse>;

export const totpEnrolResponse = z.object({
  /** Base32 secret, to type into an authenticator app by hand. */
  secret: z.string(),
  /** otpauth:// URI, the content of the QR code. */
  otpauthUrl: z.string(),
});
export type TotpEnrolResponse = z.infer<typeof totpEnrolResponse>;

export const totpRequest = z.object({
  /** A 6-digit TOTP code, or one of the recovery codes. */
  code: z.string().trim().min(1).max(64),
});
export type TotpRequest = z.infer<typeof totpRequest>;

export const totpResponse = z.object({
  /** Only when this request confirmed a new enrolment: ten one-time recovery codes, shown once. */
  recoveryCodes: z.array(z.string()).optional(),
  /** Set when a recovery code was used: how many remain. */
  recoveryCodesLeft: z.number().int().optional(),
});
export type TotpResponse = z.infer<typeof totpResponse>;

export const membership = z.object({
  schoolId: z.string().nullable(),
  schoolName: z.string().nullable(),
  role: z.enum(ROLES),
});
export type Membership = z.infer<typeof membership>;

export const meResponse = z.object({
  user: z.object({ id: z.string(), name: z.string(), email }),
  board: z.object({ id: z.string(), name: z.string() }),
  /** The school the person acts for now; null for a board-only member. */
  school: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Roles at the school acted for (or `board`). */
  roles: z.array(z.enum(ROLES)),
  memberships: z.array(membership),
  /** The access policy's answers for what the navigation offers, at the school acted for. */
  abilities: z.object({
    'staff.list': z.boolean(),
    'groups.list': z.boolean(),
    'groups.manage': z.boolean(),
    'school.settings.read': z.boolean(),
    'school.settings.update': z.boolean(),
    'staff.invite': z.boolean(),
    'sso.providers.manage': z.boolean(),
    'pupils.import': z.boolean(),
    'pupils.manage': z.boolean(),
    'preventive.overview': z.boolean(),
    /** The school's list of cases (IB'er, directie). */
    'case.list': z.boolean(),
    /** The board's list of staff-route cases. */
    'case.list.board': z.boolean(),
    /** The school's Bewaartermijnen page (IB'er, directie). */
    'retention.overview': z.boolean(),
    /** The school's figures (Cijfers; IB'er, directie). */
    'statistics.school': z.boolean(),
    /** The board's figures across its schools (the board). */
    'statistics.board': z.boolean(),
    /** Checking a dossier PDF against the audit chain (IB'er, directie). */
    'case.export.verify': z.boolean(),
  }),
  session: z.object({ expiresAt: z.string(), idleExpiresAt: z.string(), elevatedUntil: z.string().nullable() }),
});
export type MeResponse = z.infer<typeof meResponse>;

export const switchSchoolRequest = z.object({ schoolId: z.string().min(1).max(64) });
export type SwitchSchoolRequest = z.infer<typeof switchSchoolRequest>;
