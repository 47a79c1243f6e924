import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { config } from '../config';
import type { AppEnv } from '../env';

/**
 * Over https the cookie is `__Host-` prefixed and Secure (browsers then refuse
 * it from subdomains or plain http); on http://localhost neither is possible.
 */
function cookieName(c: Context<AppEnv>): { name: string; secure: boolean } {
  const secure = new URL(c.req.url).protocol === 'https:';
  return { name: secure ? '__Host-volley_session' : 'volley_session', secure };
}

export function readSessionCookie(c: Context<AppEnv>): string | undefined {
  return getCookie(c, cookieName(c).name);
}

export function writeSessionCookie(c: Context<AppEnv>, token: string): void {
  const { name, secure } = cookieName(c);
  setCookie(c, name, token, {
    path: '/',
    httpOnly: true,
    secure,
    sameSite: 'Lax',
    maxAge: Math.floor(config.auth.sessionLifetimeMs / 1000),
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  const { name, secure } = cookieName(c);
  deleteCookie(c, name, { path: '/', secure, httpOnly: true, sameSite: 'Lax' });
}
