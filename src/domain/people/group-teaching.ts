import type { Role } from './roles.js';

/**
 * Who can be a group's teacher: an active member of staff with the teacher role at that school.
 * Losing the role (or the account) ends the link to the school's groups.
 */
export function mayTeachGroups(member: { roles: readonly Role[]; active: boolean }): boolean {
  return member.active && member.roles.includes('teacher');
}
