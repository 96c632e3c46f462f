import type { MessageKey } from '../i18n/messages.js';

/**
 * An answer other than success, meant for a person: a status, a code scripts can rely on, and a
 * message key translated into the reader's language when the response is written.
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly extra: { hints?: MessageHint[]; field?: string; headers?: Record<string, string> } = {},
  ) {
    super(code);
    this.name = 'HttpError';
  }
}

/** A hint is either one of our message keys or zxcvbn's feedback key. */
export type MessageHint = { key: MessageKey; params?: Record<string, string | number> } | { passwordFeedback: string };

export const notFound = () => new HttpError(404, 'not-found');
export const unauthenticated = () => new HttpError(401, 'unauthenticated');
