import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** The OpenAPI 3 document, generated from the same zod schemas that validate each route. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Meldpad API',
        version: '0.1.0',
        description:
          'The API of Meldpad, the audited meldcode case file. Sign in with POST /api/auth/login and POST /api/auth/totp; the session cookie carries the rest. State-changing requests take JSON bodies.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'meldpad-session' } },
      },
    },
    transform: jsonSchemaTransform,
  });
}

export function registerOpenApiRoute(app: FastifyInstance): void {
  app.get('/api/openapi.json', { config: { action: 'openapi.read' }, schema: { hide: true } }, async () => app.swagger());
}
