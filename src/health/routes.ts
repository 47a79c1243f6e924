import { createRoute } from '@hono/zod-openapi';
import { errorResponse, jsonResponse } from '../lib/openapi';
import { createRouter } from '../lib/router';
import { HealthSchema } from './schemas';

const health = createRoute({
  operationId: 'getHealth',
  tags: ['Health'],
  security: [],
  method: 'get',
  path: '/health',
  summary: 'Is the Worker up and D1 reachable',
  description:
    'Public. One trivial D1 query and nothing else: the least a real request can cost, so the benchmarks ' +
    '(`npm run bench`) give every other figure as a ratio to it.',
  responses: {
    200: jsonResponse('The Worker answered and D1 ran a query.', HealthSchema),
    401: errorResponse('The access token sent is unknown or revoked (send none to ask anonymously).'),
  },
});

export const healthApi = createRouter().openapi(health, async (c) => {
  await c.env.DB.prepare('SELECT 1').first();
  return c.json({ ok: true as const, database: 'reachable' as const }, 200);
});
