import type { MiddlewareHandler } from 'hono';
import type { Bindings, AppEnv } from '../env';
import { notFound } from '../lib/errors';
import { afterSessionCheck } from './session-check';

/** Moderators (and operators) are the members whose address is in ADMIN_EMAILS. */
export function isModerator(env: Bindings, member: { email: string } | null): boolean {
  if (!member) return false;
  const admins = (env.ADMIN_EMAILS ?? '').split(',').map((a) => a.trim().toLowerCase()).filter(Boolean);
  return admins.includes(member.email);
}

/** To anyone but a moderator the route does not exist: 404, never 403, so its existence is not revealed. */
export const requireModerator: MiddlewareHandler<AppEnv> = async (c, next) => {
  const hidden = () => notFound(c.req.path.startsWith('/api/') ? 'That endpoint' : 'That page');
  if (!c.var.member) throw hidden();
  // Checked on the proven member, before any of the route's reads reach it.
  await afterSessionCheck(c, (member) => {
    if (!isModerator(c.env, member)) throw hidden();
  });
  await next();
};
