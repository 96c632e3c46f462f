import type { SessionStage } from '../../auth/session-stage.js';
import type { Actor } from '../actor.js';
import { ALLOW, deny, type Decision } from '../decision.js';
import type { Resource } from '../resources.js';
import { schoolIdsOf } from '../actor.js';

export type Rule = (actor: Actor, resource: Resource, now: Date) => Decision;

export const anyone: Rule = () => ALLOW;

/** Signed in and at one of these stages. */
export const atStage =
  (...stages: SessionStage[]): Rule =>
  (actor) => {
    if (actor.kind !== 'user') return deny('unauthenticated');
    return stages.includes(actor.stage) ? ALLOW : deny('wrong-stage');
  };

export const signedIn = atStage('full');

export const switchToOwnSchool: Rule = (actor, resource, now) => {
  const base = signedIn(actor, resource, now);
  if (!base.allowed || actor.kind !== 'user') return base;
  return resource.kind === 'school' && schoolIdsOf(actor).includes(resource.schoolId) ? ALLOW : deny('forbidden');
};
