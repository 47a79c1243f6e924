import { z } from '@hono/zod-openapi';
import { config } from '../config';
import { ACCESS_TOKEN_SCOPES } from '../db/schema';

export const ScopeSchema = z
  .enum(ACCESS_TOKEN_SCOPES, { error: 'Pick read or write.' })
  .openapi({ description: '`read` may only GET; `write` may also change things.' });

export const CreateAccessTokenSchema = z
  .object({
    name: z
      .string({ error: 'Name the token after what will use it.' })
      .trim()
      .min(1, 'Name the token after what will use it.')
      .max(config.accessTokens.nameMaxLength, `Token names are at most ${config.accessTokens.nameMaxLength} characters.`),
    scope: ScopeSchema,
  })
  .strict()
  .openapi('CreateAccessToken');

export type CreateAccessTokenInput = z.infer<typeof CreateAccessTokenSchema>;

export const AccessTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    scope: ScopeSchema,
    createdAt: z.string().openapi({ format: 'date-time' }),
    lastUsedAt: z.string().nullable().openapi({ format: 'date-time', description: `Accurate to a minute.` }),
  })
  .openapi('AccessToken');

export const CreatedAccessTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    scope: ScopeSchema,
    token: z.string().openapi({ description: 'The secret, shown this once: only its hash is stored.' }),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('CreatedAccessToken');

export const AccessTokenListSchema = z
  .object({ items: z.array(AccessTokenSchema), nextCursor: z.string().nullable() })
  .openapi('AccessTokenList');

export const AccessTokenIdParam = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } }) });
