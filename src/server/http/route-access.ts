import type { FastifyInstance } from 'fastify';
import type { Action } from '../../domain/access/actions.js';
import { decide } from '../../domain/access/policy.js';
import { notFound, unauthenticated } from './http-error.js';

/** An API route and the action it declared: the list the access tests walk. */
export interface DeclaredRoute {
  method: string;
  url: string;
  action: Action;
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
export function registerRouteAccess(app: FastifyInstance): void {
  const declared: DeclaredRoute[] = [];
  app.decorate('declaredRoutes', declared);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const action = route.config?.action;
    if (!action) throw new Error(`route ${route.method} ${route.url} declares no action`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') declared.push({ method, url: route.url, action });
  });

  // Authentication is settled before the body is parsed (onRequest); the decision on a resource
  // needs the validated request, so it is taken just before the handler.
  app.addHook('preHandler', async (request) => {
    const action = request.routeOptions.config.action;
    if (!action) return;
    const resource = request.routeOptions.config.resource?.(request) ?? { kind: 'none' as const };
    const decision = decide(request.actor, action, resource);
    if (decision.allowed) return;
    if (decision.reason === 'unauthenticated' || decision.reason === 'wrong-stage') throw unauthenticated();
    throw notFound();
  });
}

