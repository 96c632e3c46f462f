import { hasRoleHere } from '../actor.js';
import { ALLOW, deny } from '../decision.js';
import { inActingSchool } from './staff-rules.js';
import { signedIn, type Rule } from './sign-in-rules.js';

/**
 * The start-of-year talk and contacts with parents: recorded by the pupil's own teachers, the
 * IB'er and directie — the people who keep that relationship.
 */
export const recordPreventive: Rule = (actor, resource, now) => {
  const base = signedIn(actor, resource, now);
  if (!base.allowed || actor.kind !== 'user') return base;
  if (resource.kind !== 'pupil' || !inActingSchool(actor, resource)) return deny('forbidden');
  if (hasRoleHere(actor, 'ib', 'director')) return ALLOW;
  return hasRoleHere(actor, 'teacher') && resource.groupIds.some((g) => actor.groupIds.includes(g)) ? ALLOW : deny('forbidden');
};
