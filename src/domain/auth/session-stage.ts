/**
 * A session passes through stages: the password was right (`second-factor`), or right for a person who
 * has no second factor yet (`enrol`), then `full` once a TOTP or recovery code was accepted.
 * Only a `full` session may do anything beyond finishing sign-in.
 */
export const SESSION_STAGES = ['second-factor', 'enrol', 'full'] as const;
export type SessionStage = (typeof SESSION_STAGES)[number];

export function isSessionStage(value: string): value is SessionStage {
  return (SESSION_STAGES as readonly string[]).includes(value);
}
