import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context.js';
import { registerRetentionDestroyRoutes } from './destroy-routes.js';
import { registerLegalHoldRoutes } from './legal-hold-routes.js';
import { registerRetentionOverviewRoutes } from './overview-routes.js';

/** Retention (bewaartermijnen): the school's term and list, legal holds on a case, confirming a destruction. */
export function registerRetentionRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerRetentionOverviewRoutes(app, ctx);
  registerLegalHoldRoutes(app, ctx);
  registerRetentionDestroyRoutes(app, ctx);
}
