import { createRoute } from '@hono/zod-openapi';
import { memberRoute } from '../auth/member-route';
import { currentMember } from '../auth/middleware';
import { commonErrors, jsonResponse } from '../lib/openapi';
import { createRouter } from '../lib/router';
import { readQueue } from './queue';
import { QueuePageSchema, QueueQuery } from './schemas';

const queue = createRoute({
  operationId: 'listQueue',
  ...memberRoute('Queue'),
  method: 'get',
  path: '/queue',
  summary: 'Drafts open for review, fairest first',
  description:
    'Never your own, nor one you hold a claim on or reviewed. Fewest reviews received relative to wanted first, then oldest.',
  request: { query: QueueQuery },
  responses: { 200: jsonResponse('A page of the queue.', QueuePageSchema), ...commonErrors },
});

export const queueApi = createRouter().openapi(queue, async (c) =>
  c.json(await readQueue(c.env.DB, currentMember(c).id, c.req.valid('query'), c.var.clock()), 200),
);
