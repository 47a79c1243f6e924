import { createRoute } from '@hono/zod-openapi';
import { memberRoute } from '../auth/member-route';
import { currentMember } from '../auth/middleware';
import { database } from '../db/client';
import { ApiError } from '../lib/errors';
import { bodyErrors, commonErrors, errorResponse, jsonBody, jsonResponse, writeErrors } from '../lib/openapi';
import { createRouter } from '../lib/router';
import { createAccessToken, listAccessTokens, revokeAccessToken } from './access-tokens';
import { AccessTokenIdParam, AccessTokenListSchema, AccessTokenSchema, CreateAccessTokenSchema, CreatedAccessTokenSchema } from './schemas';

const create = createRoute({
  ...memberRoute('Tokens'),
  operationId: 'createAccessToken',
  method: 'post',
  path: '/me/tokens',
  summary: 'Make a personal access token',
  description:
    'Answers the token once: only its hash is kept. Send it as `Authorization: Bearer <token>`. Needs a signed-in session: a token cannot make another.',
  request: { body: jsonBody(CreateAccessTokenSchema) },
  responses: {
    201: jsonResponse('The new token, with its secret.', CreatedAccessTokenSchema),
    ...commonErrors,
    ...writeErrors, ...bodyErrors,
    403: errorResponse('Sent with an access token rather than a session, or a read token.'),
    409: errorResponse('Too many tokens already.'),
  },
});

const list = createRoute({
  ...memberRoute('Tokens'),
  operationId: 'listAccessTokens',
  method: 'get',
  path: '/me/tokens',
  summary: 'Your personal access tokens, newest first',
  description: 'With when each was last used; never the tokens themselves.',
  responses: { 200: jsonResponse('Your tokens.', AccessTokenListSchema), ...commonErrors },
});

const revoke = createRoute({
  ...memberRoute('Tokens'),
  operationId: 'revokeAccessToken',
  method: 'delete',
  path: '/me/tokens/{id}',
  summary: 'Revoke a personal access token',
  description: 'At once: the next request that sends it is a 401.',
  request: { params: AccessTokenIdParam },
  responses: {
    200: jsonResponse('The revoked token.', AccessTokenSchema),
    ...commonErrors,
    ...writeErrors,
    404: errorResponse('No such token of yours.'),
  },
});

export const tokensApi = createRouter()
  .openapi(create, async (c) => {
    const member = currentMember(c);
    // Otherwise a leaked token could outlive its revocation by minting successors.
    if (c.var.sessionAuth === 'token') throw new ApiError(403, 'session_required', 'Make tokens while signed in, not with another token.');
    return c.json(await createAccessToken(c.env.DB, member.id, c.req.valid('json'), c.var.clock()), 201);
  })
  .openapi(list, async (c) => c.json({ items: await listAccessTokens(database(c.env.DB), currentMember(c).id), nextCursor: null }, 200))
  .openapi(revoke, async (c) => c.json(await revokeAccessToken(database(c.env.DB), currentMember(c).id, c.req.valid('param').id), 200));
