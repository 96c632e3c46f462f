import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody } from '../../contract/errors.js';
import { healthResponse, readinessResponse } from '../../contract/health.js';
import { isReachable } from '../../db/connection.js';
import type { AppContext } from '../app-context.js';

/** Liveness and readiness for load balancers and orchestrators; outside /api so no session is looked up. */
export function registerHealthRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/healthz', {
    config: { action: 'health.read' },
    schema: { tags: ['health'], summary: 'The process is up', response: { 200: healthResponse } },
    handler: async () => ({ status: 'ok' as const }),
  });

  api.get('/readyz', {
    config: { action: 'health.read' },
    schema: { tags: ['health'], summary: 'The process is up and its database answers', response: { 200: readinessResponse, 503: errorBody } },
    handler: async (_request, reply) => {
      if (await isReachable(ctx.db)) return { status: 'ok' as const, database: 'reachable' as const };
      return reply.code(503).send({ error: { code: 'database-unreachable', message: 'The database does not answer.' } });
    },
  });
}
