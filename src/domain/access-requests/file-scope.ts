import type { CaseRoute } from '../cases/case-route.js';

/**
 * Which cases belong in a pupil's access request: the school's meldcode cases about the pupil.
 *
 * Staff-route cases are left out. Such a case is about a suspected offence by a member of staff:
 * the board runs it, the school's IB'er and directie may not see it (the access policy), and it is
 * mainly criminal-law data about that staff member (AVG art. 10). A request that should reach it
 * is the board's to handle, as controller of that file, with the board's FG — not part of the
 * school's export, which must not even reveal that such a case exists.
 */
export function inAccessRequestScope(c: { route: CaseRoute }): boolean {
  return c.route === 'meldcode';
}
