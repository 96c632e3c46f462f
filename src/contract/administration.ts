import { z } from 'zod';
import { SCHOOL_ROLES } from '../domain/people/roles.js';

const schoolRole = z.enum(SCHOOL_ROLES);
const id = z.string().min(1).max(64);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable();

export const staffMember = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  roles: z.array(schoolRole),
  active: z.boolean(),
  secondFactorEnrolled: z.boolean(),
  otherSchools: z.array(z.string()),
  groupNames: z.array(z.string()),
});
export type StaffMember = z.infer<typeof staffMember>;

export const pendingInvitation = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  roles: z.array(schoolRole),
  expiresAt: z.string(),
});
export type PendingInvitation = z.infer<typeof pendingInvitation>;

export const staffListResponse = z.object({
  staff: z.array(staffMember),
  invitations: z.array(pendingInvitation),
  abilities: z.object({
    'staff.invite': z.boolean(),
    'staff.roles.update': z.boolean(),
    'staff.deactivate': z.boolean(),
    'staff.password.reset': z.boolean(),
    'staff.second-factor.reset': z.boolean(),
    'staff.sessions.list': z.boolean(),
  }),
});
export type StaffListResponse = z.infer<typeof staffListResponse>;

export const inviteRequest = z.object({
  name: z.string().trim().min(2).max(200),
  email: z.string().trim().toLowerCase().max(254).email(),
  roles: z.array(schoolRole).min(1).max(5),
});
export type InviteRequest = z.infer<typeof inviteRequest>;

/** The link to pass on: in the response only when no mail server is configured (or it failed). */
export const linkResponse = z.object({
  delivered: z.enum(['email', 'manual']),
  link: z.string().optional(),
  expiresAt: z.string(),
});
export type LinkResponse = z.infer<typeof linkResponse>;

export const userIdParams = z.object({ userId: id });
export const sessionParams = z.object({ userId: id, sessionId: id });
export const invitationParams = z.object({ invitationId: id });

export const rolesRequest = z.object({ roles: z.array(schoolRole).max(5) });

export const staffSession = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  complete: z.boolean(),
});
export const staffSessionsResponse = z.object({ sessions: z.array(staffSession) });

export const elevateRequest = z.object({ code: z.string().trim().min(6).max(12) });
export const elevateResponse = z.object({ elevatedUntil: z.string() });

/** What the link's page shows before the person sets a password. */
export const accountLinkInfo = z.object({
  kind: z.enum(['invitation', 'password-reset']),
  name: z.string(),
  email: z.string(),
  schoolName: z.string(),
  roles: z.array(schoolRole),
});
export type AccountLinkInfo = z.infer<typeof accountLinkInfo>;

export const tokenRequest = z.object({ token: z.string().min(1).max(200) });
export const setPasswordRequest = z.object({ token: z.string().min(1).max(200), password: z.string().min(1).max(1024) });

export const group = z.object({
  id: z.string(),
  name: z.string(),
  yearGroups: z.array(z.number().int()),
  teachers: z.array(z.object({ userId: z.string(), name: z.string() })),
});
export type Group = z.infer<typeof group>;

export const groupsResponse = z.object({
  groups: z.array(group),
  /** People with the teacher role at this school, to choose from. */
  teachers: z.array(z.object({ userId: z.string(), name: z.string() })),
  abilities: z.object({ 'groups.manage': z.boolean() }),
});
export type GroupsResponse = z.infer<typeof groupsResponse>;

export const groupRequest = z.object({
  name: z.string().trim().min(1).max(100),
  yearGroups: z
    .array(z.number().int().min(1).max(8))
    .min(1)
    .max(8)
    .transform((years) => [...new Set(years)].sort((a, b) => a - b)),
});
export const groupParams = z.object({ groupId: id });
export const groupTeachersRequest = z.object({ teacherIds: z.array(id).max(20) });

export const schoolSettings = z.object({
  name: z.string().trim().min(2).max(200),
  brin: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^$|^[0-9]{2}[A-Z]{2}([0-9]{2})?$/, 'BRIN: twee cijfers en twee letters, eventueel met twee cijfers voor de vestiging (bijv. 12AB of 12AB00)')
    .transform((v) => (v === '' ? null : v))
    .nullable(),
  region: optionalText(200),
  veiligThuisRegion: optionalText(200),
  veiligThuisPhone: z
    .string()
    .trim()
    .regex(/^$|^[0-9+][0-9 -]{5,19}$/, 'een telefoonnummer, bijvoorbeeld 0800-2000')
    .transform((v) => (v === '' ? null : v))
    .nullable(),
  riskIndexName: optionalText(100),
  wijkteam: optionalText(300),
  youthProtection: optionalText(300),
  smwOrganisation: optionalText(300),
});
export type SchoolSettingsBody = z.input<typeof schoolSettings>;

export const schoolSettingsResponse = z.object({
  settings: z.object({
    name: z.string(),
    brin: z.string().nullable(),
    region: z.string().nullable(),
    veiligThuisRegion: z.string().nullable(),
    veiligThuisPhone: z.string().nullable(),
    riskIndexName: z.string().nullable(),
    wijkteam: z.string().nullable(),
    youthProtection: z.string().nullable(),
    smwOrganisation: z.string().nullable(),
  }),
  /** The number to show: the school's own, or Veilig Thuis's national number. */
  veiligThuisPhoneInEffect: z.string(),
  abilities: z.object({ 'school.settings.update': z.boolean() }),
});
export type SchoolSettingsResponse = z.infer<typeof schoolSettingsResponse>;
