import { createRoute } from '@hono/zod-openapi';
import { memberRoute } from '../auth/member-route';
import { currentMember } from '../auth/middleware';
import { commonErrors, errorResponse, jsonBody, jsonResponse, writeErrors, bodyErrors } from '../lib/openapi';
import { createRouter } from '../lib/router';
import { fileReport } from './reports';
import { CreateReportSchema, ReportSchema } from './schemas';

const create = createRoute({
  ...memberRoute('Reports'),
  operationId: 'createReport',
  method: 'post',
  path: '/reports',
  summary: 'Report a draft, review, reply or member to the moderators',
  description: 'One report per member per subject: a repeat answers 200 with the report you filed. At most 10 reports an hour.',
  request: { body: jsonBody(CreateReportSchema) },
  responses: {
    201: jsonResponse('The new report.', ReportSchema),
    200: jsonResponse('You had reported this already: that report.', ReportSchema),
    ...commonErrors, ...writeErrors, ...bodyErrors,
    404: errorResponse('Nothing you can see has that id.'),
  },
});

export const reportsApi = createRouter().openapi(create, async (c) => {
  const member = currentMember(c);
  const { report, created } = await fileReport(c.env.DB, c.env.REPORT_LIMITER, member, c.req.valid('json'), c.var.clock());
  return created ? c.json(report, 201) : c.json(report, 200);
});
