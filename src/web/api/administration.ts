import type {
  AccountLinkInfo,
  GroupsResponse,
  InviteRequest,
  LinkResponse,
  SchoolSettingsBody,
  SchoolSettingsResponse,
  StaffListResponse,
} from '../../contract/administration.js';
import type { SCHOOL_ROLES } from '../../domain/people/roles.js';
import { request } from './client.js';

type Done = { ok: true };

/* ---------- Fresh-code confirmation ---------- */

export function elevate(code: string): Promise<{ elevatedUntil: string }> {
  return request('POST', '/api/auth/elevate', { code });
}

/* ---------- Staff ---------- */

export type InviteResult = LinkResponse | { delivered: 'existing-account' };
export type StaffSession = { id: string; createdAt: string; lastSeenAt: string; complete: boolean };

const staffPath = (userId: string) => `/api/staff/${encodeURIComponent(userId)}`;

export function getStaff(): Promise<StaffListResponse> {
  return request('GET', '/api/staff');
}

export function invite(body: InviteRequest): Promise<InviteResult> {
  return request('POST', '/api/staff/invitations', body);
}

export function revokeInvitation(invitationId: string): Promise<Done> {
  return request('POST', `/api/staff/invitations/${encodeURIComponent(invitationId)}/revoke`, {});
}

export function setRoles(userId: string, roles: (typeof SCHOOL_ROLES)[number][]): Promise<Done> {
  return request('PUT', `${staffPath(userId)}/roles`, { roles });
}

export function deactivate(userId: string): Promise<Done> {
  return request('POST', `${staffPath(userId)}/deactivate`, {});
}

export function reactivate(userId: string): Promise<Done> {
  return request('POST', `${staffPath(userId)}/reactivate`, {});
}

export function resetPassword(userId: string): Promise<LinkResponse> {
  return request('POST', `${staffPath(userId)}/password-reset`, {});
}

export function resetSecondFactor(userId: string): Promise<Done> {
  return request('POST', `${staffPath(userId)}/second-factor-reset`, {});
}

export function getSessions(userId: string): Promise<{ sessions: StaffSession[] }> {
  return request('GET', `${staffPath(userId)}/sessions`);
}

export function revokeSession(userId: string, sessionId: string): Promise<Done> {
  return request('POST', `${staffPath(userId)}/sessions/${encodeURIComponent(sessionId)}/revoke`, {});
}

/* ---------- Groups ---------- */

const groupPath = (groupId: string) => `/api/groups/${encodeURIComponent(groupId)}`;

export function getGroups(): Promise<GroupsResponse> {
  return request('GET', '/api/groups');
}

export function createGroup(body: { name: string; yearGroups: number[] }): Promise<{ id: string }> {
  return request('POST', '/api/groups', body);
}

export function updateGroup(groupId: string, body: { name: string; yearGroups: number[] }): Promise<Done> {
  return request('PUT', groupPath(groupId), body);
}

export function archiveGroup(groupId: string): Promise<Done> {
  return request('POST', `${groupPath(groupId)}/archive`, {});
}

export function setGroupTeachers(groupId: string, teacherIds: string[]): Promise<Done> {
  return request('PUT', `${groupPath(groupId)}/teachers`, { teacherIds });
}

/* ---------- School settings ---------- */

export function getSchoolSettings(): Promise<SchoolSettingsResponse> {
  return request('GET', '/api/school/settings');
}

export function updateSchoolSettings(body: SchoolSettingsBody): Promise<SchoolSettingsResponse> {
  return request('PUT', '/api/school/settings', body);
}

/* ---------- Invitation and password links (no session) ---------- */

export function inspectAccountLink(token: string): Promise<AccountLinkInfo> {
  return request('POST', '/api/account-links/inspect', { token });
}

export function completeAccountLink(token: string, password: string): Promise<{ email: string }> {
  return request('POST', '/api/account-links/complete', { token, password });
}
