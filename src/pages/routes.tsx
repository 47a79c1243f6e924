import { Hono, type MiddlewareHandler } from 'hono';
import { listActiveClaims } from '../claims/active-claims';
import { listOwnDrafts } from '../drafts/drafts';
import type { AppEnv } from '../env';
import { listReviewsWrittenBy } from '../reviews/written-reviews';
import { DashboardPage } from './dashboard';
import { renderPage } from './render';

/** Member pages send a signed-out visitor to the sign-in form instead of an error. */
export const requirePageMember: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.var.member) return c.redirect('/#sign-in', 303);
  await next();
};

/** How many of their own reviews the dashboard lists. */
const reviewsOnDashboard = 10;

export const memberPages = new Hono<AppEnv>().get('/dashboard', requirePageMember, async (c) => {
  const member = c.var.member!;
  const now = c.var.clock();
  const [drafts, claims, reviews] = await Promise.all([
    listOwnDrafts(c.env.DB, member, undefined, now),
    listActiveClaims(c.env.DB, member.id, now),
    listReviewsWrittenBy(c.env.DB, member.id, reviewsOnDashboard),
  ]);
  const notice = c.req.query('released') !== undefined ? 'released' : null;
  return renderPage(
    c,
    'Dashboard',
    <DashboardPage member={member} now={now} drafts={drafts} claims={claims} reviews={reviews} notice={notice} />,
  );
});
