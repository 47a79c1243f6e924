import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type FieldErrors = Record<string, string>;

/**
 * The one error of the API. Thrown anywhere; the app's error handler turns it
 * into `{"error":{"code","message","fields?"}}` (JSON) or an error page (HTML).
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
  }
}

export const badRequest = (code: string, message: string, fields?: FieldErrors) =>
  new ApiError(400, code, message, fields);

export const validationFailed = (fields: FieldErrors) =>
  new ApiError(400, 'validation_failed', 'Some fields need attention.', fields);

export const unauthorized = () => new ApiError(401, 'unauthorized', 'Sign in to do that.');

export const forbidden = (message = 'You cannot do that.') => new ApiError(403, 'forbidden', message);

export const notFound = (what = 'That') => new ApiError(404, 'not_found', `${what} was not found.`);

export const conflict = (code: string, message: string) => new ApiError(409, code, message);

export const tooManyRequests = (retryAfterSeconds: number) =>
  new ApiError(429, 'rate_limited', `Too many requests. Try again in ${retryAfterSeconds} seconds.`, undefined, {
    'Retry-After': String(retryAfterSeconds),
  });
