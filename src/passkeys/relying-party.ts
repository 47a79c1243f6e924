import type { Context } from 'hono';
import type { AppEnv } from '../env';

/**
 * Who passkeys are for: the public origin (APP_ORIGIN), or locally the
 * request's own. A passkey is bound to this host by the browser, so an
 * assertion made for any other site cannot sign in here.
 */
export function relyingParty(c: Context<AppEnv>) {
  // Locally (no https APP_ORIGIN) the page's own origin: a browser binds passkeys to a host name, never to 127.0.0.1.
  const configured = c.env.APP_ORIGIN?.startsWith('https://') ? c.env.APP_ORIGIN : undefined;
  const origin = configured ?? new URL(c.req.url).origin;
  return { name: 'Volley', id: new URL(origin).hostname, origin };
}
