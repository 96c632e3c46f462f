import { isBoardMember } from '../actor.js';
import { ALLOW, deny } from '../decision.js';
import { signedIn, type Rule } from './sign-in-rules.js';
import { roleAtResourceSchool } from './staff-rules.js';

/**
 * The school's meldcode figures (Cijfers) for its annual report: the IB'er and directie of the school
 * they act for. The numbers are exact — these two see the school's case list anyway — and carry no
 * names; anyone else gets "not found".
 */
export const schoolStatistics: Rule = roleAtResourceSchool('ib', 'director');

/**
 * The same figures across the board's schools, small numbers hidden: the board, for its own board
 * only. A school's directie does not see the other schools.
 */
export const boardStatistics: Rule = (actor, resource, now) => {
  const base = signedIn(actor, resource, now);
  if (!base.allowed || actor.kind !== 'user') return base;
  return resource.kind === 'board' && resource.boardId === actor.boardId && isBoardMember(actor) ? ALLOW : deny('forbidden');
};
