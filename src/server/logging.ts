import type { FastifyServerOptions } from 'fastify';

/**
 * Log lines hold no personal data: no cookies, no bodies, no query strings (search terms are
 * pupils' names), no codes or passwords. Requests are logged by method, path and status only.
 */
export function loggerOptions(level: string, destination?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(destination ? { stream: destination } : {}),
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
        '*.password',
        '*.code',
        '*.token',
        '*.secret',
        '*.email',
        '*.body',
        '*.query',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({ method: req.method, path: req.url.split('?')[0], id: req.id }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
