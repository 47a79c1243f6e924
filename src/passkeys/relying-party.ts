import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { appOrigin } from '../lib/origin';

/**
 * Who passkeys are for: the public origin (APP_ORIGIN), or locally the
 * request's own. A passkey is bound to this host by the browser, so an
 * assertion made for any other site cannot sign in here.
 */
export function relyingParty(c: Context<AppEnv>) {
  const origin = appOrigin(c);
  return { name: 'Volley', id: new URL(origin).hostname, origin };
}
