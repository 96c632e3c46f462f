import type { Action } from './actions.js';
import type { Actor } from './actor.js';
import { deny, type Decision } from './decision.js';
import type { Resource } from './resources.js';
import { breakGlass, casushouderOnly, closeCase, decideOnCase, escalateCase, listBoardCases, listCases, listOwnCases, readCase, readPupil, startCase, writeCase } from './rules/case-rules.js';
import { boardStatistics, schoolStatistics } from './rules/statistics-rules.js';
import { readAccessLog } from './rules/case-access-log-rules.js';
import { recordPreventive } from './rules/pupil-rules.js';
import { exportAccessRequest, handleAccessRequest } from './rules/access-request-rules.js';
import { exportDossier, verifyDossier } from './rules/dossier-export-rules.js';
import { destroyCase, legalHold, retentionOverview, setRetentionTerm } from './rules/retention-rules.js';
import { anyone, atStage, signedIn, switchToOwnSchool, type Rule } from './rules/sign-in-rules.js';
import { administrator, administratorOrDirector, changesAccess, roleAtResourceSchool, staffOfSchool } from './rules/staff-rules.js';

export type { Actor } from './actor.js';
export type { Decision } from './decision.js';
export type { Resource } from './resources.js';

/** One rule per action. The table is the policy: read it to know who may do what. */
const RULES: Record<Action, Rule> = {
  'health.read': anyone,
  'openapi.read': anyone,
  'setup.status': anyone,
  'setup.complete': anyone,
  'auth.login': anyone,
  // Signing out must work at any stage, and is harmless without a session.
  'auth.logout': anyone,
  'auth.totp.enrol': atStage('enrol'),
  'auth.totp.verify': atStage('enrol', 'second-factor'),
  'auth.me': signedIn,
  'home.read': signedIn,
  'auth.school.switch': switchToOwnSchool,
  'auth.elevate': signedIn,
  // The token in the link is the credential for these three.
  'account-link.inspect': anyone,
  'account-link.complete': anyone,
  // The sign-in page lists the enabled providers by name; the single-use state is the credential of the callback.
  'sso.providers.list': anyone,
  'sso.start': anyone,
  'sso.callback': anyone,
  // Sign-in through the board's identity providers is a matter of access: changing it needs a fresh code.
  'sso.providers.read': administrator,
  'sso.providers.manage': changesAccess(administrator),

  'school.settings.read': staffOfSchool,
  'school.settings.update': administratorOrDirector,
  'staff.list': administratorOrDirector,
  'staff.invite': changesAccess(administrator),
  'staff.invitation.revoke': administrator,
  'staff.roles.update': changesAccess(administrator),
  'staff.deactivate': changesAccess(administrator),
  'staff.reactivate': changesAccess(administrator),
  'staff.password.reset': changesAccess(administrator),
  'staff.second-factor.reset': changesAccess(administrator),
  'staff.sessions.list': administrator,
  'staff.sessions.revoke': changesAccess(administrator),
  'groups.list': staffOfSchool,
  'groups.manage': administrator,

  'pupil.find': staffOfSchool,
  'pupil.read': readPupil,
  'pupils.manage': roleAtResourceSchool('administrator', 'ib'),
  // Importing pupils from the pupil administration (EDEX, CSV): the administrator and the IB'er.
  'pupils.import': roleAtResourceSchool('administrator', 'ib'),
  'preventive.record': recordPreventive,
  'preventive.overview': roleAtResourceSchool('teacher', 'ib', 'director'),
  'case.start': startCase,
  'case.list': listCases,
  'case.read': readCase,
  'case.write': writeCase,
  'case.break-glass': breakGlass,
  'case.escalate': escalateCase,
  'case.decide': decideOnCase,
  'case.report': casushouderOnly,
  'case.risk-index': casushouderOnly,
  'case.close': closeCase,
  'case.reopen': closeCase,
  // Who saw this file: the casushouder and directie (on the staff route, the board).
  'case.access-log': readAccessLog,
  'case.list.mine': listOwnCases,
  'case.list.board': listBoardCases,
  // The cases about a pupil that one may open: asked by anyone on staff, answered per case by case.read.
  'case.list.pupil': roleAtResourceSchool('teacher', 'ib', 'smw', 'director'),
  // The school's route: every member of staff reads it; the IB'er and directie adapt it.
  'protocol.read': staffOfSchool,
  'protocol.manage': roleAtResourceSchool('ib', 'director'),
  // The school's figures: its IB'er and directie; the board's: the board, small numbers hidden.
  'statistics.school': schoolStatistics,
  'statistics.board': boardStatistics,
  // Retention: the IB'er and directie see what is due; directie records the term; destroying needs a fresh code.
  'retention.overview': retentionOverview,
  'retention.term.update': setRetentionTerm,
  'retention.destroy': destroyCase,
  'case.legal-hold': legalHold,
  // Everyone reads their own notifications: of the school they act for, or (the board) all of theirs.
  'notifications.list': signedIn,
  'notifications.read': signedIn,
  'notifications.settings': signedIn,
  // Access requests: the IB'er and directie; reading the whole file and exporting it need a fresh code.
  'pupil.access-request.list': handleAccessRequest,
  'pupil.access-request.register': handleAccessRequest,
  'pupil.access-request.read': exportAccessRequest,
  'pupil.access-request.withhold': handleAccessRequest,
  'pupil.access-request.export': exportAccessRequest,
  // The dossier PDF: casushouder, IB'er or directie who may open the case (staff route: the board), with a fresh code.
  'case.export': exportDossier,
  'case.export.verify': verifyDossier,
};

/**
 * Whether `actor` may perform `action` on `resource` at `now`. Deny by default: an unknown action,
 * or a rule that does not say yes, is a no.
 */
export function decide(actor: Actor, action: Action, resource: Resource, now: Date): Decision {
  const rule = Object.hasOwn(RULES, action) ? RULES[action] : undefined;
  if (!rule) return deny('forbidden');
  return rule(actor, resource, now);
}

/** The policy's answers for several actions on one resource, sent with a response so the UI hides what the server would refuse. */
export function abilities<A extends Action>(actor: Actor, actions: readonly A[], resource: Resource, now: Date): Record<A, boolean> {
  const result = {} as Record<A, boolean>;
  for (const action of actions) {
    const decision = decide(actor, action, resource, now);
    // An action that needs a fresh code is still one the person can do.
    result[action] = decision.allowed || decision.reason === 'elevation-required';
  }
  return result;
}
