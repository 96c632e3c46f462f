import type { FastifyServerOptions } from 'fastify';

/**
 * A path segment that is logged as it is: lowercase words, ids and numbers (every route Meldpad has),
 * or a built asset's file name. Anything else — a name or a sentence someone put in the address bar —
 * is logged as "…": the log must not hold it, and the route is still recognisable.
 */
const PLAIN_SEGMENT = /^[a-z0-9][a-z0-9._-]{0,79}$/;
const ASSET_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,119}\.(?:js|mjs|css|map|svg|png|jpg|ico|woff2?|webmanifest|json|txt)$/;

/** The path of a request URL as it is logged: without query string or fragment, odd segments masked. */
export function loggedPath(url: string): string {
  const path = url.split(/[?#]/, 1)[0] ?? '';
  return path
    .split('/')
    .map((segment) => (segment === '' || PLAIN_SEGMENT.test(segment) || ASSET_SEGMENT.test(segment) ? segment : '…'))
    .join('/');
}

/**
 * Quoted parts of an error message ("invalid input syntax for type uuid: \"…\"") can repeat what was
 * sent; only quoted lowercase identifiers (a table, a column, a constraint) are kept.
 */
export function loggedErrorMessage(message: string): string {
  return message.replace(/"([^"]*)"|'([^']*)'/g, (quoted: string, double?: string, single?: string) => (/^[a-z_][a-z0-9_.]*$/.test(double ?? single ?? '') ? quoted : '"…"'));
}

/** An error as logged: its class, code and stack, and its message with quoted input masked. */
function serializeError(err: { name?: string; type?: string; message?: string; code?: string; stack?: string }) {
  return {
    type: err.type ?? err.name ?? 'Error',
    message: loggedErrorMessage(String(err.message ?? '')),
    ...(err.code ? { code: err.code } : {}),
    // The first line of a stack is the message again.
    stack: typeof err.stack === 'string' ? err.stack.split('\n').slice(1).join('\n') : '',
  };
}

/**
 * Log lines hold no personal data: no cookies, no bodies, no query strings (search terms are
 * pupils' names), no codes or passwords. Requests are logged by method, path and status only, and
 * a path segment that is not one of Meldpad's own (a name typed into the address bar) is masked.
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
      req: (req: { method: string; url: string; id: string }) => ({ method: req.method, path: loggedPath(req.url), id: req.id }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: serializeError,
    },
  };
}
