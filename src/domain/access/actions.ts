/**
 * Every operation of the API names the action it performs. The access policy answers for each
 * action whether an actor may perform it; an action it does not know is denied.
 */
export const ACTIONS = [
  'health.read',
  'openapi.read',
  'setup.status',
  'setup.complete',
  'auth.login',
  'auth.logout',
  'auth.totp.enrol',
  'auth.totp.verify',
  'auth.me',
  'auth.school.switch',
] as const;

export type Action = (typeof ACTIONS)[number];

export function isAction(value: string): value is Action {
  return (ACTIONS as readonly string[]).includes(value);
}
