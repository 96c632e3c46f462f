import type { TeamRole } from '../cases/case-team.js';
import type { Role } from '../people/roles.js';

/** How a member of staff is named in the dossier without staff names: by what they do. */
export const STAFF_ROLE_LABELS: Readonly<Record<TeamRole | Role, string>> = {
  aandachtsfunctionaris: 'aandachtsfunctionaris',
  ib: "IB'er",
  smw: 'schoolmaatschappelijk werker',
  director: 'directie',
  teacher: 'leerkracht',
  board: 'bestuur',
  administrator: 'functioneel beheerder',
};

/** Said of a member of staff whose role is not known (someone who left the school). */
export const UNKNOWN_STAFF_LABEL = 'medewerker';

export interface StaffMember {
  userId: string;
  name: string;
  /** Their role on the case's team, else at the school; null when neither is known. */
  role: TeamRole | Role | null;
}

/** Names people in a dossier: by name in the full variant, by role in the one without staff names. */
export interface StaffNaming {
  /** A member of staff by id (recorded by, owner of an agreement, casushouder, …). */
  person(userId: string, fallbackName?: string): string;
  /** Free text (a description, a "held by" field, participants): every staff name in it replaced. */
  text(value: string): string;
}

export function roleLabel(role: StaffMember['role']): string {
  return role ? STAFF_ROLE_LABELS[role] : UNKNOWN_STAFF_LABEL;
}

/** The full dossier names everyone as recorded. */
export function namedStaff(members: readonly StaffMember[]): StaffNaming {
  const names = new Map(members.map((m) => [m.userId, m.name]));
  return { person: (userId, fallback) => names.get(userId) ?? fallback ?? UNKNOWN_STAFF_LABEL, text: (value) => value };
}

function escapeForPattern(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The dossier for outside the school: each staff member's full name becomes their role, wherever it
 * appears (whole words, any letter case, any run of spaces between the parts). Longer names are
 * replaced first so that "Sanne de Wit" is not half-replaced by a colleague called "Sanne de".
 * Names typed in free text that are not a staff member's full name (a first name alone) cannot be
 * recognised; the person exporting is told to read the file before sharing it.
 */
export function staffByRole(members: readonly StaffMember[]): StaffNaming {
  const roles = new Map(members.map((m) => [m.userId, roleLabel(m.role)]));
  const byName = new Map<string, string>();
  for (const m of members) {
    const key = m.name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
    if (key.length >= 3 && !byName.has(key)) byName.set(key, roleLabel(m.role));
  }
  const names = [...byName.keys()].sort((a, b) => b.length - a.length);
  const pattern =
    names.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map((n) => n.split(' ').map(escapeForPattern).join('\\s+')).join('|')})(?![\\p{L}\\p{N}])`, 'giu') : null;
  return {
    person: (userId) => roles.get(userId) ?? UNKNOWN_STAFF_LABEL,
    text: (value) => (pattern ? value.replace(pattern, (found) => byName.get(found.replace(/\s+/g, ' ').toLocaleLowerCase('nl')) ?? UNKNOWN_STAFF_LABEL) : value),
  };
}
