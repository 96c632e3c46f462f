import { hasRoleHere, isBoardMember } from '../actor.js';
import { ALLOW, deny } from '../decision.js';
import { readCase } from './case-rules.js';
import { isElevated, roleAtResourceSchool } from './staff-rules.js';
import type { Rule } from './sign-in-rules.js';

/**
 * Exporting the dossier as a PDF lets the file leave Meldpad: on the meldcode route the casushouder,
 * an IB'er or directie who may open the case; on the staff route the board. Always with a fresh
 * TOTP code, as for every export.
 */
export const exportDossier: Rule = (actor, resource, now) => {
  const decision = readCase(actor, resource, now);
  if (!decision.allowed || actor.kind !== 'user' || resource.kind !== 'case') return decision;
  const may = resource.route === 'staff' ? isBoardMember(actor) : resource.casushouderId === actor.userId || hasRoleHere(actor, 'ib', 'director');
  if (!may) return deny('forbidden');
  return isElevated(actor, now) ? ALLOW : deny('elevation-required');
};

/** Checking a PDF against the audit chain: the IB'er and directie (the answer names no content). */
export const verifyDossier: Rule = roleAtResourceSchool('ib', 'director');
