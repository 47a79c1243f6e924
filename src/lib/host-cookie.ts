import type { Context } from 'hono';

/**
 * Over https a cookie is `__Host-` prefixed and Secure (browsers then refuse
 * it from subdomains or plain http); on http://localhost neither is possible.
 */
export function hostCookie(c: Context, base: string): { name: string; secure: boolean } {
  const secure = new URL(c.req.url).protocol === 'https:';
  return { name: secure ? `__Host-${base}` : base, secure };
}
