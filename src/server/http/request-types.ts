import type { Actor, Resource } from '../../domain/access/policy.js';
import type { Action } from '../../domain/access/actions.js';
import type { SessionRecord } from '../../db/repositories/sessions-repository.js';
import type { UserRecord } from '../../db/repositories/users-repository.js';
import type { Language } from '../i18n/translate.js';

/** The signed-in person behind a request, once the session is known. */
export interface RequestIdentity {
  session: SessionRecord;
  user: UserRecord;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    identity: RequestIdentity | null;
    language: Language;
  }
  interface FastifyContextConfig {
    /** The action this route performs; the access policy decides on it before the handler runs. */
    action?: Action;
    /**
     * The resource the action is on, loaded from the validated request within the actor's school;
     * null when there is no such thing (answered 404, as a forbidden one is).
     */
    resource?: (request: FastifyRequest) => Resource | null | Promise<Resource | null>;
  }
}
