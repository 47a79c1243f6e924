import type { MiddlewareHandler } from 'hono';
import { config } from '../config';
import { database } from '../db/client';
import type { AppEnv } from '../env';
import { ApiError } from '../lib/errors';
import { isSafeMethod } from '../lib/origin';
import { findAccessToken } from './access-tokens';

/** The bearer credential when it is a personal access token. */
export function bearerAccessToken(authorization: string | undefined): string | undefined {
  const token = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length).trim() : undefined;
  return token?.startsWith(config.accessTokens.prefix) ? token : undefined;
}

/**
 * Signs in the member behind a personal access token, on the JSON API only:
 * pages and their forms know the session cookie alone. A token that is
 * unknown or revoked is a 401 even on public routes, so a client learns at
 * once that its credential is dead; a read token on any write is a 403.
 * Runs after loadSession (which leaves these tokens alone) and before the
 * write rate limit, so tokens count against the member's writes.
 *
 * @example
 * app.use(loadSession);
 * app.use(loadAccessToken);
 */
export const loadAccessToken: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = bearerAccessToken(c.req.header('authorization'));
  if (!token || !c.req.path.startsWith('/api/')) return next();
  const found = await findAccessToken(database(c.env.DB), token, c.var.clock());
  if (!found) throw new ApiError(401, 'invalid_token', 'This access token is unknown or revoked. Make a new one in Settings.');
  if (found.scope === 'read' && !isSafeMethod(c.req.method)) {
    throw new ApiError(403, 'insufficient_scope', 'This token may only read. Use a token with write scope to make changes.');
  }
  c.set('member', found.member);
  c.set('sessionAuth', 'token');
  if (found.touch) c.executionCtx.waitUntil(found.touch);
  await next();
};
