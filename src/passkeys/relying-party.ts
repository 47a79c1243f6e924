import type { Context } from 'hono';
import type { AppEnv } from '../env';

/**
 * Who passkeys are for: the public origin (APP_ORIGIN), or locally the
 * request's own. A passkey is bound to this host by the browser, so an
 * assertion made for any other site cannot sign in here.
 */
export function relyingParty(c: Context<AppEnv>) {
  const origin = c.env.APP_ORIGIN || new URL(c.req.url).origin;
  return { name: 'Volley', id: new URL(origin).hostname, origin };
}
