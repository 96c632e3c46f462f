import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { registerAccessRequestRoutes } from './access-requests/routes.js';
import { registerDossierExportRoutes } from './exports/routes.js';
import { registerAccountLinkRoutes } from './account-links/routes.js';
import { registerAttachmentRoutes } from './attachments/routes.js';
import type { AppContext } from './app-context.js';
import { registerAuthentication } from './auth/authenticate.js';
import { registerAuthRoutes } from './auth/routes.js';
import { registerCaseRoutes } from './cases/routes.js';
import { registerGroupRoutes } from './groups/routes.js';
import { registerPupilImportRoutes } from './pupils/import/routes.js';
import { registerHealthRoutes } from './health/routes.js';
import { registerHomeRoutes } from './home/routes.js';
import { registerErrorHandling } from './http/error-handler.js';
import { registerOriginCheck } from './http/origin-check.js';
import './http/request-types.js';
import { registerRouteAccess } from './http/route-access.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { loggerOptions } from './logging.js';
import { registerNotificationRoutes } from './notifications/routes.js';
import { registerOpenApi, registerOpenApiRoute } from './openapi.js';
import { registerProtocolRoutes } from './protocol/routes.js';
import { registerRetentionRoutes } from './retention/routes.js';
import { registerStatisticsRoutes } from './statistics/routes.js';
import { registerPreventiveRoutes } from './pupils/preventive-routes.js';
import { registerPupilRoutes } from './pupils/routes.js';
import { registerSchoolRoutes } from './school/routes.js';
import { registerSetupRoutes } from './setup/routes.js';
import { registerSsoRoutes } from './sso/routes.js';
import { registerStaffRoutes } from './staff/routes.js';
import { registerWebApp } from './web/web-app.js';

export interface AppOptions {
  /** The built web app; without it, pages answer that the app must be built first. */
  webRoot: string;
  /** Where log lines go (tests collect them); standard output by default. */
  logDestination?: NodeJS.WritableStream;
}

/** Builds the Meldpad HTTP server around an app context. Does not listen. */
export async function buildApp(ctx: AppContext, options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(ctx.config.logLevel, options.logDestination),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: a cross-site form can send text/plain without a preflight, never application/json.
  app.removeContentTypeParser(['text/plain']);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  registerErrorHandling(app);
  await registerSecurityHeaders(app, ctx.config);
  await app.register(cookie);
  await app.register(rateLimit, { global: true, max: ctx.config.rateLimitPerMinute, timeWindow: '1 minute' });
  await registerOpenApi(app);
  registerOriginCheck(app, ctx.config);
  registerAuthentication(app, ctx);
  registerRouteAccess(app, ctx.now);

  registerHealthRoutes(app, ctx);
  registerSetupRoutes(app, ctx);
  registerAuthRoutes(app, ctx);
  registerAccountLinkRoutes(app, ctx);
  registerSsoRoutes(app, ctx);
  registerStaffRoutes(app, ctx);
  registerGroupRoutes(app, ctx);
  registerPupilImportRoutes(app, ctx);
  registerSchoolRoutes(app, ctx);
  registerPupilRoutes(app, ctx);
  registerCaseRoutes(app, ctx);
  registerHomeRoutes(app, ctx);
  registerAttachmentRoutes(app, ctx);
  registerPreventiveRoutes(app, ctx);
  registerNotificationRoutes(app, ctx);
  registerProtocolRoutes(app, ctx);
  registerRetentionRoutes(app, ctx);
  registerStatisticsRoutes(app, ctx);
  registerAccessRequestRoutes(app, ctx);
  registerDossierExportRoutes(app, ctx);
  registerOpenApiRoute(app);
  await registerWebApp(app, options.webRoot);
  return app;
}
