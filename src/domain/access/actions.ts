/**
 * Every operation of the product names the action it performs. The access policy answers for each
 * action whether an actor may perform it; an action it does not know is denied.
 */
export const ACTIONS = [
  // Public and sign-in
  'health.read',
  'openapi.read',
  'setup.status',
  'setup.complete',
  'auth.login',
  'auth.logout',
  'auth.totp.enrol',
  'auth.totp.verify',
  'auth.me',
  // The home page of one's roles
  'home.read',
  'auth.school.switch',
  'auth.elevate',
  'account-link.inspect',
  'account-link.complete',
  // Single sign-on through the organisation's identity provider (OpenID Connect)
  'sso.providers.list',
  'sso.start',
  'sso.callback',
  'sso.providers.read',
  'sso.providers.manage',
  // The school and its staff (administration)
  'school.settings.read',
  'school.settings.update',
  'staff.list',
  'staff.invite',
  'staff.invitation.revoke',
  'staff.roles.update',
  'staff.deactivate',
  'staff.reactivate',
  'staff.password.reset',
  'staff.second-factor.reset',
  'staff.sessions.list',
  'staff.sessions.revoke',
  'groups.list',
  'groups.manage',
  // Pupils, cases and the school's route
  'pupil.find',
  'pupil.read',
  'pupils.manage',
  'pupils.import',
  'preventive.record',
  'preventive.overview',
  'case.start',
  'case.list',
  'case.read',
  'case.write',
  'case.break-glass',
  'case.escalate',
  'case.decide',
  'case.report',
  'case.risk-index',
  'case.close',
  'case.reopen',
  'case.list.mine',
  'case.list.board',
  'case.list.pupil',
  // Who saw this file: the case's access log, with unusual access flagged
  'case.access-log',
  'protocol.read',
  'protocol.manage',
  // Cijfers meldcode: the school's figures for its annual report, and the board's across its schools
  'statistics.school',
  'statistics.board',
  // Retention (bewaartermijnen): the school's term, what is due, legal holds, destruction
  'retention.overview',
  'retention.term.update',
  'retention.destroy',
  'case.legal-hold',
  // In-app notifications (berichten): a person's own, at the school they act for
  'notifications.list',
  'notifications.read',
  'notifications.settings',
  // Access requests (inzageverzoek, AVG art. 15): what the school holds about a pupil, exported
  'pupil.access-request.list',
  'pupil.access-request.register',
  'pupil.access-request.read',
  'pupil.access-request.withhold',
  'pupil.access-request.export',
  // The dossier as a PDF (with a verification code), and checking a PDF against the audit chain
  'case.export',
  'case.export.verify',
] as const;

export type Action = (typeof ACTIONS)[number];

export function isAction(value: string): value is Action {
  return (ACTIONS as readonly string[]).includes(value);
}
