import { hasRoleHere, isBoardMember, type UserActor } from '../actor.js';
import { ALLOW, deny, type Decision } from '../decision.js';
import type { Resource } from '../resources.js';
import { inActingSchool, isElevated } from './staff-rules.js';
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
 * The content of a case. Meldcode route: who started it and its team (the school's IB'ers, as
 * aandachtsfunctionaris, join every new case). An IB'er or director not on the team may open it
 * only through emergency access. Staff route: only who raised it and the board (directie only when
 * the board put them on the team). The administrator never sees case content; the board sees only
 * staff-route cases.
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
  if (!hasRoleHere(user, 'teacher', 'ib', 'smw', 'director')) return deny('forbidden');
  if (c.startedBy === user.userId || c.teamUserIds.includes(user.userId)) return ALLOW;
  if (c.breakGlassUserIds.includes(user.userId)) return ALLOW;
  if (hasRoleHere(user, 'ib', 'director')) return deny('break-glass-available');
  return deny('forbidden');
});

/** Writing to a case: whoever may read it. Who may escalate or decide is narrower, below. */
export const writeCase: Rule = readCase;

/**
 * Emergency access: for an IB'er or director of the case's school who cannot read it otherwise,
 * with a fresh TOTP code (the reason is required by the route and flagged to the casushouder).
 */
export const breakGlass: Rule = (actor, resource, now) => {
  const decision = readCase(actor, resource, now);
  if (decision.allowed || decision.reason !== 'break-glass-available' || actor.kind !== 'user') return decision.allowed ? deny('forbidden') : decision;
  return isElevated(actor, now) ? ALLOW : deny('elevation-required');
};

/**
 * Forming the intervention team and choosing the casushouder (step 3): the IB'er, SMW or directie
 * who can read the case; on the staff route, the board. The teacher keeps a neutral role.
 */
export const escalateCase: Rule = (actor, resource, now) => {
  const decision = readCase(actor, resource, now);
  if (!decision.allowed || actor.kind !== 'user' || resource.kind !== 'case') return decision;
  if (resource.route === 'staff') return isBoardMember(actor) ? ALLOW : deny('forbidden');
  return hasRoleHere(actor, 'ib', 'smw', 'director') ? ALLOW : deny('forbidden');
};

/** The decision "report at once" or "no report now": the casushouder, or an IB'er on the case. */
export const decideOnCase: Rule = (actor, resource, now) => {
  const decision = readCase(actor, resource, now);
  if (!decision.allowed || actor.kind !== 'user' || resource.kind !== 'case') return decision;
  if (resource.route !== 'meldcode') return deny('forbidden');
  return resource.casushouderId === actor.userId || hasRoleHere(actor, 'ib') ? ALLOW : deny('forbidden');
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

/**
 * What the school's route gives the casushouder alone: the report to Veilig Thuis ("Casushouder
 * voert de melding uit") and the verwijsindex registration ("SISA-registratie (casushouder)").
 */
export const casushouderOnly: Rule = (actor, resource, now) => {
  const decision = readCase(actor, resource, now);
  if (!decision.allowed || actor.kind !== 'user' || resource.kind !== 'case') return decision;
  return resource.route === 'meldcode' && resource.casushouderId === actor.userId ? ALLOW : deny('forbidden');
};

/**
 * Closing a case and reopening it: on the meldcode route the casushouder or an IB'er on the case;
 * on the staff route the board.
 */
export const closeCase: Rule = (actor, resource, now) => {
  const decision = readCase(actor, resource, now);
  if (!decision.allowed || actor.kind !== 'user' || resource.kind !== 'case') return decision;
  if (resource.route === 'staff') return isBoardMember(actor) ? ALLOW : deny('forbidden');
  return resource.casushouderId === actor.userId || hasRoleHere(actor, 'ib') ? ALLOW : deny('forbidden');
};

/** The cases one is on or started (a person's own list): anyone signed in; the list is theirs. */
export const listOwnCases: Rule = forSignedIn(() => ALLOW);

/** The board's list of staff-route cases: the board only. */
export const listBoardCases: Rule = forSignedIn((user) => (isBoardMember(user) ? ALLOW : deny('forbidden')));

