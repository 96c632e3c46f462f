import { hasRoleHere, isBoardMember } from '../actor.js';
import { ALLOW, deny } from '../decision.js';
import { readCase } from './case-rules.js';
import { inActingSchool } from './staff-rules.js';
import { signedIn, type Rule } from './sign-in-rules.js';

/**
 * "Who saw this file" (the case's access log: names, roles, actions and times, no content): the
 * casushouder and directie of the case's school, who answer for how the file is handled. Directie
 * need not be on the team: they see the case in the school's list anyway. On the staff route only
 * those who may see the case at all: the board, and directie or a casushouder the board put on it.
 * Anyone else gets "not found", as for the case itself.
 */
export const readAccessLog: Rule = (actor, resource, now) => {
  const base = signedIn(actor, resource, now);
  if (!base.allowed || actor.kind !== 'user') return base;
  if (resource.kind !== 'case') return deny('forbidden');
  const mayOpen = readCase(actor, resource, now).allowed;
  if (resource.route === 'staff') {
    if (!mayOpen) return deny('forbidden');
    if (isBoardMember(actor) || resource.casushouderId === actor.userId) return ALLOW;
    const directieOfSchool = actor.memberships.some((m) => m.schoolId === resource.schoolId && m.role === 'director');
    return directieOfSchool ? ALLOW : deny('forbidden');
  }
  if (!inActingSchool(actor, resource)) return deny('forbidden');
  if (resource.casushouderId === actor.userId && mayOpen) return ALLOW;
  return hasRoleHere(actor, 'director') ? ALLOW : deny('forbidden');
};
