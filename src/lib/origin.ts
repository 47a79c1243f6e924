import type { Context } from 'hono';
import type { AppEnv } from '../env';

/** Origins a browser write may come from: this deployment's own. */
export function isOwnOrigin(c: Context<AppEnv>, origin: string | undefined): boolean {
  if (!origin) return false;
  return origin === new URL(c.req.url).origin || (!!c.env.APP_ORIGIN && origin === c.env.APP_ORIGIN);
}

export const isSafeMethod = (method: string) => method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
