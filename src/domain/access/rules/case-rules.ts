import { hasRoleHere, isBoardMember, type UserActor } from '../actor.js';
import { ALLOW, deny, type Decision } from '../decision.js';
import type { Resource } from '../resources.js';
import { inActingSchool } from './staff-rules.js';
import { signedIn, type Rule } from './sign-in-rules.js';

type CaseResource = Extract<Resource, { kind: 'case' }>;
type PupilResource = Extract<Resource, { kind: 'pupil' }>;

/** A rule for a fully signed-in person; anyone else gets the sign-in answer. */
function forSignedIn(rule: (user: UserActor, resource: Resource) => Decision): Rule {
  return (actor, resource, now) => {
    const base = signedIn(actor, resource, now);
    if (!base.allowed || actor.kind !== 'user') return base;
    return rule(actor, resource);
  };
}

/**
 * The full pupil page: the pupil's own teachers, the IB'er and directie; an SMW only for a pupil
 * whose case they are on. Everyone else on the staff may find the pupil by name and group only.
 */
export const readPupil: Rule = forSignedIn((user, resource) => {
  if (resource.kind !== 'pupil' || !inActingSchool(user, resource)) return deny('forbidden');
  const pupil: PupilResource = resource;
  if (hasRoleHere(user, 'ib', 'director')) return ALLOW;
  if (hasRoleHere(user, 'teacher') && pupil.groupIds.some((g) => user.groupIds.includes(g))) return ALLOW;
  if (hasRoleHere(user, 'smw', 'teacher') && pupil.caseMemberUserIds.includes(user.userId)) return ALLOW;
  return deny('forbidden');
});

/**
 * The content of a case. Meldcode route: who started it, its team, and the IB'er (the school's
 * aandachtsfunctionaris) see it; directie when on the team; an IB'er or director otherwise only
 * through emergency access. Staff route: only who raised it and the board (directie only when the
 * board put them on the team). Administrator and board never see meldcode content.
 */
export const readCase: Rule = forSignedIn((user, resource) => {
  if (resource.kind !== 'case') return deny('forbidden');
  const c: CaseResource = resource;
  if (c.route === 'staff') {
    if (c.boardId !== user.boardId) return deny('forbidden');
    if (c.startedBy === user.userId || c.teamUserIds.includes(user.userId)) return ALLOW;
    return isBoardMember(user) ? ALLOW : deny('forbidden');
  }
  if (!inActingSchool(user, c)) return deny('forbidden');
  if (hasRoleHere(user, 'administrator') && !hasRoleHere(user, 'teacher', 'ib', 'smw', 'director')) return deny('forbidden');
  if (c.startedBy === user.userId || c.teamUserIds.includes(user.userId)) return ALLOW;
  if (hasRoleHere(user, 'ib')) return ALLOW;
  if (c.breakGlassUserIds.includes(user.userId)) return ALLOW;
  if (hasRoleHere(user, 'director')) return deny('break-glass-available');
  return deny('forbidden');
});

/** Writing to a case: whoever may read it (the route's own rules on steps come with the case). */
export const writeCase: Rule = readCase;

/** Emergency access: for an IB'er or director of the case's school who cannot read it otherwise. */
export const breakGlass: Rule = (actor, resource, now) => {
  const decision = readCase(actor, resource, now);
  if (decision.allowed) return deny('forbidden');
  return !decision.allowed && decision.reason === 'break-glass-available' ? ALLOW : decision;
};

/** Starting a case or recording a first signal: any member of staff who works with pupils. */
export const startCase: Rule = forSignedIn((user, resource) => {
  if (resource.kind !== 'pupil' || !inActingSchool(user, resource)) return deny('forbidden');
  return hasRoleHere(user, 'teacher', 'ib', 'smw', 'director') ? ALLOW : deny('forbidden');
});

/** The school's list of cases (pupil, step, casushouder, dates; no content): IB'er and directie. */
export const listCases: Rule = forSignedIn((user, resource) => {
  if (resource.kind !== 'school' || !inActingSchool(user, resource)) return deny('forbidden');
  return hasRoleHere(user, 'ib', 'director') ? ALLOW : deny('forbidden');
});

/** Figures across the board's schools, without names: the board only. */
export const boardStatistics: Rule = forSignedIn((user, resource) => {
  return resource.kind === 'board' && resource.boardId === user.boardId && isBoardMember(user) ? ALLOW : deny('forbidden');
});
