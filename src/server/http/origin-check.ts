import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config/config.js';
import { HttpError } from './http-error.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF protection without tokens: a state-changing request that a browser marks as coming from
 * another site is refused. Scripts send neither header and pass; the session cookie is
 * SameSite=Strict besides, and bodies must be JSON.
 */
export function isCrossSite(request: FastifyRequest, config: Config): boolean {
  const fetchSite = request.headers['sec-fetch-site'];
  if (typeof fetchSite === 'string' && fetchSite !== 'same-origin' && fetchSite !== 'none') return true;
  const origin = request.headers.origin;
  if (typeof origin !== 'string') return false;
  if (origin === 'null') return true;
  return !allowedOrigins(request, config).includes(origin.toLowerCase());
}

function allowedOrigins(request: FastifyRequest, config: Config): string[] {
  const origins = [config.publicUrl.origin.toLowerCase()];
  // Reached directly (not through PUBLIC_URL), e.g. on 127.0.0.1 during set-up: the request's own host.
  const host = request.headers.host;
  if (host) origins.push(`${request.protocol}://${host}`.toLowerCase());
  return origins;
}

export function registerOriginCheck(app: FastifyInstance, config: Config): void {
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    if (isCrossSite(request, config)) throw new HttpError(403, 'cross-site');
  });
}
