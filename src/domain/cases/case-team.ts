import type { Role } from '../people/roles.js';

/**
 * The interventieteam (glossary `CaseTeam`). On the meldcode route: the IB'er (aandachtsfunctionaris),
 * SMW, directie and the teacher who signalled. On the staff route: the board, and directie only
 * when the board adds them.
 */
export const TEAM_ROLES = ['aandachtsfunctionaris', 'ib', 'smw', 'director', 'teacher', 'board'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export interface TeamMember {
  userId: string;
  teamRole: TeamRole;
}

/** The team role a member of staff takes on a meldcode case, from their roles at the school. */
export function teamRoleFor(roles: readonly Role[]): TeamRole | null {
  if (roles.includes('ib')) return 'ib';
  if (roles.includes('smw')) return 'smw';
  if (roles.includes('director')) return 'director';
  if (roles.includes('teacher')) return 'teacher';
  return null;
}

/** The role a person must hold (at the school, or at the board) to take a team role. */
const ROLE_FOR_TEAM_ROLE: Record<TeamRole, Role> = { aandachtsfunctionaris: 'ib', ib: 'ib', smw: 'smw', director: 'director', teacher: 'teacher', board: 'board' };

export function mayTakeTeamRole(roles: readonly string[], teamRole: TeamRole): boolean {
  return roles.includes(ROLE_FOR_TEAM_ROLE[teamRole]);
}

/** Who may be casushouder: "IB of SMW wordt casushouder". */
export function mayBeCasushouder(member: TeamMember): boolean {
  return member.teamRole === 'ib' || member.teamRole === 'aandachtsfunctionaris' || member.teamRole === 'smw';
}

/** The school's principle: the IB'er is aandachtsfunctionaris and in most cases casushouder. */
export function proposeCasushouder(team: readonly TeamMember[]): string | null {
  const ib = team.find((m) => m.teamRole === 'ib' || m.teamRole === 'aandachtsfunctionaris');
  return (ib ?? team.find(mayBeCasushouder))?.userId ?? null;
}

export type TeamProblem =
  | { code: 'casushouder-not-on-team' }
  | { code: 'casushouder-role'; userId: string }
  | { code: 'duplicate-member'; userId: string }
  | { code: 'no-casushouder' };

/** Checks a team as the intervention team proposes it. */
export function checkTeam(team: readonly TeamMember[], casushouderId: string | null): TeamProblem[] {
  const problems: TeamProblem[] = [];
  const seen = new Set<string>();
  for (const m of team) {
    if (seen.has(m.userId)) problems.push({ code: 'duplicate-member', userId: m.userId });
    seen.add(m.userId);
  }
  if (!casushouderId) return [...problems, { code: 'no-casushouder' }];
  const casushouder = team.find((m) => m.userId === casushouderId);
  if (!casushouder) problems.push({ code: 'casushouder-not-on-team' });
  else if (!mayBeCasushouder(casushouder)) problems.push({ code: 'casushouder-role', userId: casushouderId });
  return problems;
}

export interface TeamChange {
  added: TeamMember[];
  removed: TeamMember[];
  casushouder: { from: string | null; to: string | null } | null;
}

/** What changed between two teams: the timeline records it as one event. */
export function teamChange(before: readonly TeamMember[], after: readonly TeamMember[], casushouderBefore: string | null, casushouderAfter: string | null): TeamChange {
  const key = (m: TeamMember) => `${m.userId}:${m.teamRole}`;
  const beforeKeys = new Set(before.map(key));
  const afterKeys = new Set(after.map(key));
  return {
    added: after.filter((m) => !beforeKeys.has(key(m))),
    removed: before.filter((m) => !afterKeys.has(key(m))),
    casushouder: casushouderBefore === casushouderAfter ? null : { from: casushouderBefore, to: casushouderAfter },
  };
}

export function isEmptyChange(change: TeamChange): boolean {
  return change.added.length === 0 && change.removed.length === 0 && change.casushouder === null;
}
