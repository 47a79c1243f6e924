import type { Context, MiddlewareHandler } from 'hono';
import { config } from '../config';
import { statement } from '../db/statements';
import type { AppEnv } from '../env';
import { ApiError, unauthorized } from '../lib/errors';
import { isOwnOrigin, isSafeMethod } from '../lib/origin';
import { enforceRateLimit } from '../lib/rate-limit';
import { readSessionCookie } from './cookie';
import { afterSessionCheck, rideSessionCheck } from './session-check';
import { findSession, parseSessionToken, renewal, sessionLookup } from './sessions';

function bearerToken(c: Context<AppEnv>): string | undefined {
  const header = c.req.header('authorization');
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}

/**
 * Puts the signed-in member (or null) on the context. The bearer token wins
 * over the cookie, so API clients never depend on cookie state. A token that
 * names its member is checked with the request's first D1 call
 * (session-check.ts); an older one is looked up here.
 */
export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('member', null);
  c.set('sessionToken', null);
  c.set('sessionAuth', null);
  const bearer = bearerToken(c);
  // Personal access tokens are looked up by src/tokens/middleware.ts, and a bearer credential always wins over the cookie.
  if (bearer?.startsWith(config.accessTokens.prefix)) return next();
  const token = bearer ?? readSessionCookie(c);
  if (!token) return next();
  const now = c.var.clock();
  const { claimedMemberId } = parseSessionToken(token);
  if (claimedMemberId) {
    const lookup = await sessionLookup(token, now);
    rideSessionCheck(c, claimedMemberId, (d1) => statement(d1, lookup));
  } else {
    const found = await findSession(c.env.DB, token, now);
    if (!found) return next();
    c.set('member', found.member);
    const renew = renewal(c.env.DB, found, now);
    if (renew) c.executionCtx.waitUntil(renew.run());
  }
  c.set('sessionToken', token);
  c.set('sessionAuth', bearer ? 'bearer' : 'cookie');
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
  // Counted against the proven member only, so a token naming someone else cannot spend their allowance.
  if (!isSafeMethod(c.req.method)) await afterSessionCheck(c, (member) => enforceRateLimit(c.env.WRITE_LIMITER, member.id));
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
