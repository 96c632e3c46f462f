import type { FastifyInstance } from 'fastify';
import type { Action } from '../../domain/access/actions.js';
import { decide, type Resource } from '../../domain/access/policy.js';
import { HttpError, notFound, unauthenticated } from './http-error.js';

/** An API route and the action it declared: the list the access tests walk. */
export interface DeclaredRoute {
  method: string;
  url: string;
  action: Action;
  /** Whether the route names a resource for the policy (otherwise it decides on the action alone). */
  loadsResource: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    declaredRoutes: readonly DeclaredRoute[];
  }
}

/**
 * Every API route declares its action; this asks the access policy before the handler runs.
 * A route without an action does not start: nothing is reachable by forgetting to declare it.
 */
export function registerRouteAccess(app: FastifyInstance, now: () => Date): void {
  const declared: DeclaredRoute[] = [];
  app.decorate('declaredRoutes', declared);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const action = route.config?.action;
    if (!action) throw new Error(`route ${route.method} ${route.url} declares no action`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') declared.push({ method, url: route.url, action, loadsResource: Boolean(route.config?.resource) });
  });

  // Authentication is settled before the body is parsed (onRequest); the decision on a resource
  // needs the validated request (and may load the resource), so it is taken just before the handler.
  // A 400 thus comes before a 404, yet leaks nothing: the schemas (public in the OpenAPI document) load nothing, so the 400 is the same whether the thing exists, is hidden or is absent.
  app.addHook('preHandler', async (request) => {
    const action = request.routeOptions.config.action;
    if (!action) return;
    const load = request.routeOptions.config.resource;
    let resource: Resource = { kind: 'none' };
    // Loading a resource needs a signed-in person; without one the answer is 401 either way.
    if (load && request.actor.kind === 'user' && request.actor.stage === 'full') {
      const loaded = await load(request);
      if (!loaded) throw notFound();
      resource = loaded;
    }
    const decision = decide(request.actor, action, resource, now());
    if (decision.allowed) return;
    switch (decision.reason) {
      case 'unauthenticated':
      case 'wrong-stage':
        throw unauthenticated();
      case 'elevation-required':
        throw new HttpError(403, 'elevation-required');
      case 'break-glass-available':
        throw new HttpError(403, 'break-glass-available');
      case 'forbidden':
        // A thing one may not see looks exactly like a thing that does not exist.
        throw notFound();
    }
  });
}

