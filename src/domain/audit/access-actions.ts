/**
 * What each audited action on a case means to a person reading "who saw this file". The server's
 * case routes write these action names (src/server/cases/*.ts); an action not listed here (a newer
 * feature, an older name) still shows, as "another action", so the list never hides an event.
 */
export const ACCESS_ACTION_KEYS = [
  'start',
  'read',
  'record',
  'correct',
  'team',
  'decide',
  'break-glass',
  'weigh',
  'report',
  'risk-index',
  'close',
  'reopen',
  'access-log',
  'attach',
  'download',
  'export',
  'access-request',
  'other',
] as const;
export type AccessActionKey = (typeof ACCESS_ACTION_KEYS)[number];

/** The audit event written when someone reads the access log itself. */
export const ACCESS_LOG_READ_ACTION = 'case.access-log.read';

const KEY_OF_ACTION: Readonly<Record<string, AccessActionKey>> = {
  'case.start': 'start',
  'case.read': 'read',
  'case.entry.record': 'record',
  'case.entry.correct': 'correct',
  'case.team.update': 'team',
  'case.decide': 'decide',
  'case.break-glass': 'break-glass',
  'case.weigh': 'weigh',
  'case.report': 'report',
  'case.risk-index': 'risk-index',
  'case.close': 'close',
  'case.reopen': 'reopen',
  [ACCESS_LOG_READ_ACTION]: 'access-log',
  'case.attachment.add': 'attach',
  'case.attachment.read': 'download',
  'case.export.pdf': 'export',
  // An access request (inzage) reads and exports the whole file of the pupil, this case included.
  'pupil.access-request.read': 'access-request',
  'pupil.access-request.export': 'access-request',
};

/** The plain-language key of an audited action; `other` for one this list does not know. */
export function accessActionKey(action: string): AccessActionKey {
  return Object.hasOwn(KEY_OF_ACTION, action) ? KEY_OF_ACTION[action]! : 'other';
}

/**
 * The actions that open the file's content: what counts towards "many cases in a short time".
 * Emergency access opens the file too.
 */
export const CASE_OPENING_ACTIONS: readonly string[] = ['case.read', 'case.break-glass', 'case.attachment.read', 'case.export.pdf', 'pupil.access-request.read', 'pupil.access-request.export'];

export function opensCase(action: string): boolean {
  return CASE_OPENING_ACTIONS.includes(action);
}

/**
 * Reading the access log is oversight, not reading the file: directie may do it without being on
 * the team, so it is never "not on the team".
 */
export function isOversight(action: string): boolean {
  return action === ACCESS_LOG_READ_ACTION;
}
