import type { SessionStage } from '../auth/session-stage.js';
import type { Role } from '../people/roles.js';

/** One role a person holds: at a school, or (role `board`) at the board itself (schoolId null). */
export interface ActorMembership {
  schoolId: string | null;
  role: Role;
}

/** Who is asking: nobody, or a person at some stage of sign-in acting for one school. */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      boardId: string;
      stage: SessionStage;
      /** The school the person acts for now (lives in the session); null for a board-only member. */
      schoolId: string | null;
      memberships: readonly ActorMembership[];
      /** Groups the person teaches at the school they act for. */
      groupIds: readonly string[];
      /** Until when a fresh TOTP code lets them change other people's access. */
      elevatedUntil: Date | null;
    };

export type UserActor = Extract<Actor, { kind: 'user' }>;

/** The person's roles at the school they act for. */
export function currentRoles(actor: UserActor): Role[] {
  return actor.memberships.filter((m) => m.schoolId !== null && m.schoolId === actor.schoolId).map((m) => m.role);
}

export function hasRoleHere(actor: UserActor, ...roles: Role[]): boolean {
  return currentRoles(actor).some((r) => roles.includes(r));
}

export function isBoardMember(actor: UserActor): boolean {
  return actor.memberships.some((m) => m.schoolId === null && m.role === 'board');
}

export function schoolIdsOf(actor: UserActor): string[] {
  return [...new Set(actor.memberships.flatMap((m) => (m.schoolId ? [m.schoolId] : [])))];
}
