import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ErrorBody } from '../../contract/errors.js';
import { negotiateLanguage, translate, translatePasswordFeedback, type Language } from '../i18n/translate.js';
import { HttpError, type MessageHint } from './http-error.js';

const zodLocales = { nl: z.locales.nl(), en: z.locales.en() } as const;

/**
 * The validation message in the reader's language. A message the schema wrote itself (a person's
 * explanation, such as the BRIN format) wins over zod's generic one.
 */
function issueMessage(language: Language, issue: { keyword: string; params: Record<string, unknown>; message?: string }): string {
  const rebuilt = { code: issue.keyword, ...issue.params } as unknown as Parameters<typeof zodLocales.en.localeError>[0];
  const generic = (locale: keyof typeof zodLocales) => {
    const text = zodLocales[locale].localeError(rebuilt);
    return typeof text === 'string' ? text : text?.message;
  };
  if (issue.message && issue.message !== generic('en')) return issue.message;
  return generic(language) ?? issue.message ?? '';
}

function hintText(language: Language, hint: MessageHint): string | null {
  if ('key' in hint) return translate(language, hint.key, hint.params);
  return translatePasswordFeedback(language, hint.passwordFeedback);
}

function send(reply: FastifyReply, status: number, body: ErrorBody, headers: Record<string, string> = {}) {
  // Error bodies bypass the route's response schema: they are built here, from known parts only.
  return reply.code(status).headers(headers).type('application/json; charset=utf-8').serializer(JSON.stringify).send(body);
}

/** Turns every failure into `{"error": {code, message}}`: 4xx for anything the client can mend, 500 only for our bugs. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request: FastifyRequest, reply: FastifyReply) => {
    const language = negotiateLanguage(request.headers['accept-language']);

    if (error instanceof HttpError) {
      const hints = error.extra.hints?.map((h) => hintText(language, h)).filter((h): h is string => h !== null);
      return send(
        reply,
        error.statusCode,
        {
          error: {
            code: error.code,
            message: translate(language, error.code, error.params),
            ...(hints && hints.length > 0 ? { hints } : {}),
            ...(error.extra.field ? { field: error.extra.field } : {}),
          },
        },
        error.extra.headers,
      );
    }

    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0]!;
      const field = first.instancePath.replace(/^\//, '').replace(/\//g, '.');
      const detail = issueMessage(language, first);
      const code = field ? 'invalid-field' : 'bad-request';
      return send(reply, 400, {
        error: { code, message: translate(language, code, { field, detail }), ...(field ? { field } : {}) },
      });
    }

    const status = error.statusCode ?? 500;
    if (status === 415) return send(reply, 415, { error: { code: 'unsupported-media-type', message: translate(language, 'unsupported-media-type') } });
    if (status === 413) return send(reply, 413, { error: { code: 'payload-too-large', message: translate(language, 'payload-too-large') } });
    if (status === 429) return send(reply, 429, { error: { code: 'rate-limited', message: translate(language, 'rate-limited') } });
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (status === 400 && error instanceof SyntaxError)) {
      return send(reply, 400, { error: { code: 'invalid-json', message: translate(language, 'invalid-json') } });
    }
    if (status >= 400 && status < 500) {
      return send(reply, status, { error: { code: 'bad-request', message: translate(language, 'bad-request', { detail: error.code ?? String(status) }) } });
    }

    // A real fault of ours. Log what it was (no request body, no free text), answer without detail.
    request.log.error({ err: { type: error.name, message: error.message, code: error.code, stack: error.stack } }, 'request failed');
    return send(reply, 500, { error: { code: 'internal', message: translate(language, 'internal') } });
  });

}

/** The JSON 404 for an API path (or any path, when no web app is served). */
export function sendNotFound(request: FastifyRequest, reply: FastifyReply) {
  const language = negotiateLanguage(request.headers['accept-language']);
  return send(reply, 404, { error: { code: 'not-found', message: translate(language, 'not-found') } });
}
