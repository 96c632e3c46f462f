import { hasRoleHere } from '../actor.js';
import { ALLOW, deny } from '../decision.js';
import { inActingSchool, isElevated } from './staff-rules.js';
import { signedIn, type Rule } from './sign-in-rules.js';

/**
 * Handling a parent's or pupil's access request (inzageverzoek, AVG art. 15): the IB'er and
 * directie of the pupil's school, who answer for the school as controller. Registering a request,
 * listing a pupil's requests and choosing what to withhold carry ids only.
 */
export const handleAccessRequest: Rule = (actor, resource, now) => {
  const base = signedIn(actor, resource, now);
  if (!base.allowed || actor.kind !== 'user') return base;
  if (resource.kind !== 'pupil' || !inActingSchool(actor, resource)) return deny('forbidden');
  return hasRoleHere(actor, 'ib', 'director') ? ALLOW : deny('forbidden');
};

/**
 * Reading the whole file for a request, and exporting it: every meldcode case of the pupil,
 * including ones the handler is not on. Like emergency access, that needs a fresh TOTP code; each
 * read and export is audited per case, so the casushouder sees it in who opened the file.
 */
export const exportAccessRequest: Rule = (actor, resource, now) => {
  const decision = handleAccessRequest(actor, resource, now);
  if (!decision.allowed || actor.kind !== 'user') return decision;
  return isElevated(actor, now) ? ALLOW : deny('elevation-required');
};
