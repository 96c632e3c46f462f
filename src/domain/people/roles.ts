/**
 * The roles a person can hold in Meldpad (glossary). A role is held per school membership,
 * except `board`, which is a membership of the board itself.
 */
export const ROLES = ['teacher', 'ib', 'smw', 'director', 'administrator', 'board'] as const;

export type Role = (typeof ROLES)[number];

export const SCHOOL_ROLES = ['teacher', 'ib', 'smw', 'director', 'administrator'] as const satisfies readonly Role[];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Whether a role belongs to a school membership (every role but the board's). */
export function isSchoolRole(role: Role): boolean {
  return role !== 'board';
}
