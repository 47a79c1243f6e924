import { createRoute } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { database } from '../db/client';
import { emailSetup } from '../email/setup';
import { errorResponse, jsonResponse } from '../lib/openapi';
import { createRouter } from '../lib/router';
import { HealthSchema } from './schemas';

const health = createRoute({
  operationId: 'getHealth',
  tags: ['Health'],
  security: [],
  method: 'get',
  path: '/health',
  summary: 'Is the Worker up, D1 reachable, and email configured',
  description:
    'Public. One trivial D1 query and nothing else: the least a real request can cost, so the benchmarks ' +
    '(`npm run bench`) give every other figure as a ratio to it. `problems` names each setting that is missing ' +
    'or wrong and what it holds back (read from the Worker\'s settings, no query).',
  responses: {
    200: jsonResponse('The Worker answered and D1 ran a query.', HealthSchema),
    401: errorResponse('The access token sent is unknown or revoked (send none to ask anonymously).'),
  },
});

export const healthApi = createRouter().openapi(health, async (c) => {
  await database(c.env.DB).run(sql`SELECT 1`);
  return c.json({ ok: true as const, database: 'reachable' as const, problems: emailSetup(c.env, c.req.url).problems }, 200);
});
