import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context.js';
import { registerCaseAccessLogRoutes } from './access-log-routes.js';
import { registerCaseCloseRoutes } from './close-routes.js';
import { registerCaseEntryRoutes } from './entry-routes.js';
import { registerCaseReadRoutes } from './read-routes.js';
import { registerCaseStartRoutes } from './start-routes.js';
import { registerReportRoutes } from './report-routes.js';
import { registerRiskIndexRoutes } from './risk-index-routes.js';
import { registerCaseTeamRoutes } from './team-routes.js';
import { registerWeighingRoutes } from './weighing-routes.js';

/** The case: starting one, reading it, recording on it, its team, the step-3 decision, emergency access, the afwegingskader, the report to Veilig Thuis, the verwijsindex registration, closing and reopening, and who saw the file. */
export function registerCaseRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerCaseStartRoutes(app, ctx);
  registerCaseReadRoutes(app, ctx);
  registerCaseEntryRoutes(app, ctx);
  registerCaseTeamRoutes(app, ctx);
  registerCaseCloseRoutes(app, ctx);
  registerWeighingRoutes(app, ctx);
  registerReportRoutes(app, ctx);
  registerRiskIndexRoutes(app, ctx);
  registerCaseAccessLogRoutes(app, ctx);
}
