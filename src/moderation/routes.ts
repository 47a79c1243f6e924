import { createRoute } from '@hono/zod-openapi';
import { currentMember } from '../auth/middleware';
import { requireModerator } from '../auth/moderators';
import { notifierFor } from '../email/notifier';
import { commonErrors, errorResponse, IdParam, jsonBody, jsonResponse, memberOnly, writeErrors, bodyErrors } from '../lib/openapi';
import { createRouter } from '../lib/router';
import { listReports } from './queries';
import { resolveReport } from './resolve';
import { AdminReportListSchema, AdminReportSchema, AdminReportsQuery, ResolveReportSchema } from './schemas';

/** Moderators only; to anyone else, signed in or not, these routes do not exist (404). */
const moderatorRoute = { tags: ['Moderation'], security: memberOnly, middleware: requireModerator };
const hidden = { 404: errorResponse('Not a moderator (the route does not exist for you), or no such report.') };

const list = createRoute({
  ...moderatorRoute,
  operationId: 'listReports',
  method: 'get',
  path: '/admin/reports',
  summary: 'Reports, open (oldest first) or resolved (newest first)',
  request: { query: AdminReportsQuery },
  responses: { 200: jsonResponse('A page of reports, each with its subject in context.', AdminReportListSchema), ...commonErrors, ...hidden },
});

const resolve = createRoute({
  ...moderatorRoute,
  operationId: 'resolveReport',
  method: 'post',
  path: '/admin/reports/{id}/resolve',
  summary: 'Resolve a report: dismiss, remove the subject, or suspend its member',
  description:
    'Resolves every open report of the same subject. remove hides the subject from all but moderators (a removed review reopens its slot and its pay is clawed back); suspend also ends the member’s sessions, refuses their sign-in, withdraws their open drafts and releases their claims. A report already resolved answers 200 as it stands and changes nothing.',
  request: { params: IdParam, body: jsonBody(ResolveReportSchema) },
  responses: { 200: jsonResponse('The resolved report.', AdminReportSchema), ...commonErrors, ...writeErrors, ...bodyErrors, ...hidden },
});

export const moderationApi = createRouter()
  .openapi(list, async (c) => {
    const { status, cursor } = c.req.valid('query');
    return c.json(await listReports(c.env.DB, status, cursor), 200);
  })
  .openapi(resolve, async (c) =>
    c.json(await resolveReport(c.env.DB, currentMember(c), c.req.valid('param').id, c.req.valid('json'), c.var.clock(), notifierFor(c)), 200),
  );
