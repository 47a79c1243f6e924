import { z } from '@hono/zod-openapi';

/** The error shape every API failure has (DESIGN.md "HTTP interface"). */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .openapi('Error');

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorSchema } },
});

/** Responses any route may give, for the OpenAPI document. */
export const commonErrors = {
  400: errorResponse('The request was malformed or a field is invalid.'),
  401: errorResponse('Not signed in, or the access token sent is unknown or revoked.'),
} as const;

/** What the app shell may answer to any write, before the route runs (src/app.tsx and its middleware). */
export const writeErrors = {
  403: errorResponse('A read-only access token (`insufficient_scope`), or a cookie write from another site.'),
  409: errorResponse('A request with this Idempotency-Key is still running.'),
  413: errorResponse('The body is too large.'),
  422: errorResponse('This Idempotency-Key was used for a different request.'),
  429: errorResponse('Rate limited; see Retry-After.'),
} as const;

/** What a route that reads a JSON body may also answer. */
export const bodyErrors = {
  415: errorResponse('The body was not sent as JSON (Content-Type: application/json).'),
} as const;

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const jsonResponse = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});

export { errorResponse };

/** Routes that need a session say so in the document. */
export const memberOnly: Array<Record<string, string[]>> = [{ bearer: [] }, { cookie: [] }];

/** The `:id` of a path, whichever row it names. */
export const IdParam = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } }) });
