import { Hono, type MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { DashboardPage } from './dashboard';
import { readDashboard } from './dashboard-data';
import { renderPage } from './render';

/** Member pages send a signed-out visitor to the sign-in form instead of an error. */
export const requirePageMember: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.var.member) return c.redirect('/#sign-in', 303);
  await next();
};

export const memberPages = new Hono<AppEnv>().get('/dashboard', requirePageMember, async (c) => {
  const member = c.var.member!;
  const now = c.var.clock();
  const reviewsCursor = c.req.query('reviews');
  const { drafts, claims, reviews } = await readDashboard(c.env.DB, member, now, reviewsCursor);
  const notice = c.req.query('released') !== undefined ? 'released' : null;
  return renderPage(
    c,
    'Dashboard',
    <DashboardPage member={member} now={now} drafts={drafts} claims={claims} reviews={reviews} paged={!!reviewsCursor} notice={notice} />,
  );
});
