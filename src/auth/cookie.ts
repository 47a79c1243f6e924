import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { config } from '../config';
import type { AppEnv } from '../env';
import { hostCookie } from '../lib/host-cookie';

const cookieName = (c: Context<AppEnv>) => hostCookie(c, 'volley_session');

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
