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

/** Responses every member-only route may give, for the OpenAPI document. */
export const commonErrors = {
  400: errorResponse('The request was malformed or a field is invalid.'),
  401: errorResponse('Not signed in.'),
  429: errorResponse('Rate limited; see Retry-After.'),
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
