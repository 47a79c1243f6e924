import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { renderPage } from '../ui/render';
import { requirePageMember } from '../ui/require-page-member';
import { DashboardPage } from './dashboard';
import { readDashboard } from './dashboard-data';

export const dashboardPages = new Hono<AppEnv>().get('/dashboard', requirePageMember, async (c) => {
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
