import { hasRoleHere, isBoardMember } from '../actor.js';
import { ALLOW, deny } from '../decision.js';
import { readCase } from './case-rules.js';
import { signedIn, type Rule } from './sign-in-rules.js';
import { inActingSchool, isElevated, roleAtResourceSchool } from './staff-rules.js';

/**
 * Retention (bewaartermijnen). The school's list of what is due names the pupil and the case's start
 * date only, as the school's case list does: the IB'er and directie see it. Staff-route cases belong
 * to the board and never appear on a school's list.
 */
export const retentionOverview: Rule = roleAtResourceSchool('ib', 'director');

/** The school's term: the privacy officer's choice, which directie records (there is no such role). */
export const setRetentionTerm: Rule = roleAtResourceSchool('director');

/**
 * Destroying a due meldcode case of the acting school: the IB'er or directie, whether or not on its
 * team (destroying reveals nothing), with a fresh TOTP code: it cannot be undone.
 */
export const destroyCase: Rule = (actor, resource, now) => {
  const base = signedIn(actor, resource, now);
  if (!base.allowed || actor.kind !== 'user') return base;
  if (resource.kind !== 'case' || resource.route !== 'meldcode' || !inActingSchool(actor, resource)) return deny('forbidden');
  if (!hasRoleHere(actor, 'ib', 'director')) return deny('forbidden');
  return isElevated(actor, now) ? ALLOW : deny('elevation-required');
};

/**
 * Setting or lifting a legal hold: on the meldcode route the casushouder or directie who can read the
 * case; on the staff route the board.
 */
export const legalHold: Rule = (actor, resource, now) => {
  const decision = readCase(actor, resource, now);
  if (!decision.allowed || actor.kind !== 'user' || resource.kind !== 'case') return decision;
  if (resource.route === 'staff') return isBoardMember(actor) ? ALLOW : deny('forbidden');
  return resource.casushouderId === actor.userId || hasRoleHere(actor, 'director') ? ALLOW : deny('forbidden');
};
