import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBody } from '../../contract/errors.js';
import { homeResponse } from '../../contract/home.js';
import type { AppContext } from '../app-context.js';
import { auditRequest } from '../audit/request-audit.js';
import { unauthenticated } from '../http/http-error.js';
import { presentHome } from './home-presenter.js';

/** The home page per role: what is the person's to do today, at the school they act for. */
export function registerHomeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/home', {
    config: { action: 'home.read' },
    schema: {
      tags: ['home'],
      summary: "My home page: the parts of my roles — my cases and what is due in them, the school's cases by step, figures, emergency accesses (names only of cases I may open)",
      response: { 200: homeResponse, 401: errorBody, 403: errorBody },
    },
    handler: async (request) => {
      const actor = request.actor;
      if (actor.kind !== 'user') throw unauthenticated();
      const home = await presentHome(ctx, request, actor);
      // The due items are read from case entries: the read is audited (without case ids: it spans many).
      await auditRequest(ctx, request, { action: 'home.read', outcome: 'success' });
      return home;
    },
  });
}
