import type { Role } from '../../people/roles.js';
import { hasRoleHere, type UserActor } from '../actor.js';
import { ALLOW, deny, type Decision } from '../decision.js';
import type { Resource } from '../resources.js';
import { signedIn, type Rule } from './sign-in-rules.js';

/** Signed in, acting for the resource's school, and holding one of these roles there. */
export const roleAtResourceSchool =
  (...roles: Role[]): Rule =>
  (actor, resource, now) => {
    const base = signedIn(actor, resource, now);
    if (!base.allowed || actor.kind !== 'user') return base;
    return inActingSchool(actor, resource) && hasRoleHere(actor, ...roles) ? ALLOW : deny('forbidden');
  };

/** Resources of another school are out of reach, even for a member there, until they switch. */
export function inActingSchool(actor: UserActor, resource: Resource): boolean {
  if (resource.kind === 'none' || resource.kind === 'board') return false;
  return actor.schoolId !== null && resource.schoolId === actor.schoolId;
}

/**
 * Changing another person's access needs a fresh TOTP code (an elevated session), and nobody
 * changes their own: an administrator cannot lock themselves out or raise their own rights.
 */
export const changesAccess =
  (rule: Rule): Rule =>
  (actor, resource, now) => {
    const base = rule(actor, resource, now);
    if (!base.allowed || actor.kind !== 'user') return base;
    if (resource.kind === 'staff-member' && resource.userId === actor.userId) return deny('forbidden');
    return isElevated(actor, now) ? ALLOW : deny('elevation-required');
  };

export function isElevated(actor: UserActor, now: Date): boolean {
  return actor.elevatedUntil !== null && actor.elevatedUntil.getTime() > now.getTime();
}

export const administrator = roleAtResourceSchool('administrator');
export const administratorOrDirector = roleAtResourceSchool('administrator', 'director');

/** Any member of staff of the school (every school role). */
export const staffOfSchool = roleAtResourceSchool('teacher', 'ib', 'smw', 'director', 'administrator');

export const decided = (decision: Decision): Rule => () => decision;
