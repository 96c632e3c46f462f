import type { SessionStage } from '../auth/session-stage.js';
import type { Role } from '../people/roles.js';
import type { Action } from './actions.js';

/** Who is asking: nobody, or a person at some stage of sign-in acting for a school. */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      stage: SessionStage;
      /** The school the person acts for now, or null for a board-only member. */
      schoolId: string | null;
      /** Their roles at that school (or `board` for the board). */
      roles: readonly Role[];
      /** Every school they belong to. */
      schoolIds: readonly string[];
    };

export type Resource = { kind: 'none' } | { kind: 'school'; schoolId: string };

export type Decision =
  | { allowed: true }
  | { allowed: false; reason: 'unauthenticated' | 'wrong-stage' | 'forbidden' };

const ALLOW: Decision = { allowed: true };

type Rule = (actor: Actor, resource: Resource) => Decision;

const anyone: Rule = () => ALLOW;

const stage =
  (...stages: SessionStage[]): Rule =>
  (actor) => {
    if (actor.kind !== 'user') return { allowed: false, reason: 'unauthenticated' };
    return stages.includes(actor.stage) ? ALLOW : { allowed: false, reason: 'wrong-stage' };
  };

const signedIn = stage('full');

const memberOfTargetSchool: Rule = (actor, resource) => {
  const base = signedIn(actor, resource);
  if (!base.allowed || actor.kind !== 'user') return base;
  if (resource.kind !== 'school') return { allowed: false, reason: 'forbidden' };
  return actor.schoolIds.includes(resource.schoolId) ? ALLOW : { allowed: false, reason: 'forbidden' };
};

/** One rule per action; an action without a rule is denied (see `decide`). */
const RULES: Record<Action, Rule> = {
  'health.read': anyone,
  'openapi.read': anyone,
  'setup.status': anyone,
  'setup.complete': anyone,
  'auth.login': anyone,
  // Signing out must work in any stage, and is harmless without a session.
  'auth.logout': anyone,
  'auth.totp.enrol': stage('enrol'),
  'auth.totp.verify': stage('enrol', 'second-factor'),
  'auth.me': signedIn,
  'auth.school.switch': memberOfTargetSchool,
};

/**
 * Whether `actor` may perform `action` on `resource`. Deny by default: an unknown action,
 * or a rule that does not say yes, is a no.
 */
export function decide(actor: Actor, action: Action, resource: Resource = { kind: 'none' }): Decision {
  const rule = Object.hasOwn(RULES, action) ? RULES[action] : undefined;
  if (!rule) return { allowed: false, reason: 'forbidden' };
  return rule(actor, resource);
}
