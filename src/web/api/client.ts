import type { ErrorBody } from '../../contract/errors.js';
import { currentLanguage, i18n } from '../i18n/index.js';

/** An answer of the API that was not a success, or no answer at all (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly hints: readonly string[];
  readonly field: string | undefined;

  constructor(status: number, code: string, message: string, hints: readonly string[] = [], field?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.hints = hints;
    this.field = field;
  }
}

export function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/** The server's answer to a change of someone's access in a session without a fresh code. */
export function isElevationRequired(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && error.code === 'elevation-required';
}

type Method = 'GET' | 'POST' | 'PUT';

/**
 * The one way the web app talks to the server: same origin, JSON in and out, the chosen language in
 * Accept-Language. A POST or PUT always carries a JSON body (`{}` when there is nothing to say).
 */
export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  let payload: string | undefined;
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body ?? {});
  }

  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }

  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => undefined);
  if (response.ok) {
    if (data === undefined) throw new ApiError(response.status, 'unexpected', i18n.t('errors.unexpected'));
    return data as T;
  }
  if (isErrorBody(data)) {
    const { code, message, hints, field } = data.error;
    throw new ApiError(response.status, code, message, hints ?? [], field);
  }
  throw new ApiError(response.status, 'unexpected', i18n.t('errors.unexpected'));
}

function isErrorBody(data: unknown): data is ErrorBody {
  if (typeof data !== 'object' || data === null || !('error' in data)) return false;
  const error: unknown = data.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string' &&
    (!('hints' in error) || error.hints === undefined || (Array.isArray(error.hints) && error.hints.every((h) => typeof h === 'string')))
  );
}
