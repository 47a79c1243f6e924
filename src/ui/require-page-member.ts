import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';

/** Member pages send a signed-out visitor to the sign-in form instead of an error. */
export const requirePageMember: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.var.member) return c.redirect('/#sign-in', 303);
  await next();
};
