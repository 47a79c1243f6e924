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
  const data = await readDashboard(c.env.DB, member, now, reviewsCursor);
  const notice = c.req.query('released') !== undefined ? 'released' : c.req.query('declined') !== undefined ? 'declined' : null;
  return renderPage(
    c,
    'Dashboard',
    <DashboardPage member={member} now={now} {...data} paged={!!reviewsCursor} notice={notice} />,
  );
});
