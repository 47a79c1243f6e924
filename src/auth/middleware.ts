import type { Context, MiddlewareHandler } from 'hono';
import { config } from '../config';
import { database } from '../db/client';
import type { AppEnv } from '../env';
import { ApiError, unauthorized } from '../lib/errors';
import { isOwnOrigin, isSafeMethod } from '../lib/origin';
import { enforceRateLimit } from '../lib/rate-limit';
import { readSessionCookie } from './cookie';
import { findSession } from './sessions';

function bearerToken(c: Context<AppEnv>): string | undefined {
  const header = c.req.header('authorization');
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}

/**
 * Puts the signed-in member (or null) on the context. The bearer token wins
 * over the cookie, so API clients never depend on cookie state.
 */
export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('member', null);
  c.set('sessionId', null);
  c.set('sessionAuth', null);
  const bearer = bearerToken(c);
  // Personal access tokens are looked up by src/tokens/middleware.ts, and a bearer credential always wins over the cookie.
  if (bearer?.startsWith(config.accessTokens.prefix)) return next();
  const token = bearer ?? readSessionCookie(c);
  if (token) {
    const found = await findSession(database(c.env.DB), token, c.var.clock());
    if (found) {
      c.set('member', found.member);
      c.set('sessionId', found.sessionId);
      c.set('sessionAuth', bearer ? 'bearer' : 'cookie');
      if (found.renewal) c.executionCtx.waitUntil(found.renewal);
    }
  }
  await next();
};

/**
 * Cookie-authenticated writes must come from our own pages: a cross-site page
 * can make the browser attach the cookie, but not forge the Origin header.
 * Bearer tokens are never sent by a browser on its own, so they need no check.
 */
export const requireSameOriginForCookieWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!isSafeMethod(c.req.method) && c.var.sessionAuth === 'cookie' && !isOwnOrigin(c, c.req.header('origin'))) {
    throw new ApiError(403, 'csrf_rejected', 'This request did not come from a Volley page.');
  }
  await next();
};

/** At most 60 writes a member a minute (DESIGN.md). */
export const limitMemberWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!isSafeMethod(c.req.method) && c.var.member) await enforceRateLimit(c.env.WRITE_LIMITER, c.var.member.id);
  await next();
};

/** 401 for anyone not signed in. */
export const requireMember: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.var.member) throw unauthorized();
  await next();
};

/** The signed-in member, for handlers behind requireMember. */
export function currentMember(c: Context<AppEnv>) {
  const member = c.var.member;
  if (!member) throw unauthorized();
  return member;
}
