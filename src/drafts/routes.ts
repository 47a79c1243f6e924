import { createRoute } from '@hono/zod-openapi';
import { memberRoute } from '../auth/member-route';
import { currentMember } from '../auth/middleware';
import { bodyErrors, commonErrors, writeErrors, errorResponse, jsonBody, IdParam, jsonResponse } from '../lib/openapi';
import { createRouter } from '../lib/router';
import { notifierFor } from '../email/notifier';
import { listOwnDrafts, postDraft, viewDraft, withdrawDraft } from './drafts';
import { DraftListSchema, DraftSchema, ListDraftsQuery, PostDraftSchema } from './schemas';

const post = createRoute({
  operationId: 'postDraft',
  ...memberRoute('Drafts'),
  method: 'post',
  path: '/drafts',
  summary: 'Post a draft for review',
  description: 'Moves price × reviewsWanted credits from you into the draft’s escrow.',
  request: { body: jsonBody(PostDraftSchema) },
  responses: {
    201: jsonResponse('The new draft.', DraftSchema),
    ...commonErrors, ...writeErrors, ...bodyErrors,
    402: errorResponse('Not enough credits; `fields.credits` says how many more.'),
    404: errorResponse('No such work of yours (posting a part).'),
  },
});

const list = createRoute({
  operationId: 'listDrafts',
  ...memberRoute('Drafts'),
  method: 'get',
  path: '/drafts',
  summary: 'Your own drafts, newest first',
  request: { query: ListDraftsQuery },
  responses: { 200: jsonResponse('A page of drafts.', DraftListSchema), ...commonErrors },
});

const get = createRoute({
  operationId: 'getDraft',
  ...memberRoute('Drafts'),
  method: 'get',
  path: '/drafts/{id}',
  summary: 'One draft',
  description: 'The author also sees the escrow and the state of each slot.',
  request: { params: IdParam },
  responses: { 200: jsonResponse('The draft.', DraftSchema), ...commonErrors, 404: errorResponse('No such draft.') },
});

const withdraw = createRoute({
  operationId: 'withdrawDraft',
  ...memberRoute('Drafts'),
  method: 'post',
  path: '/drafts/{id}/withdraw',
  summary: 'Withdraw a draft',
  description: 'Refunds every slot neither reviewed nor claimed; claimed slots refund when their claim ends unused.',
  request: { params: IdParam },
  responses: {
    200: jsonResponse('The withdrawn draft.', DraftSchema),
    ...commonErrors, ...writeErrors,
    403: errorResponse('Not your draft.'),
    404: errorResponse('No such draft.'),
    409: errorResponse('The draft is not open.'),
  },
});

export const draftsApi = createRouter()
  .openapi(post, async (c) => c.json(await postDraft(c.env.DB, currentMember(c), c.req.valid('json'), c.var.clock(), notifierFor(c)), 201))
  .openapi(list, async (c) => c.json(await listOwnDrafts(c.env.DB, currentMember(c), c.req.valid('query').cursor, c.var.clock()), 200))
  .openapi(get, async (c) => c.json(await viewDraft(c.env.DB, currentMember(c), c.req.valid('param').id, c.var.clock()), 200))
  .openapi(withdraw, async (c) =>
    c.json(await withdrawDraft(c.env.DB, currentMember(c), c.req.valid('param').id, c.var.clock()), 200),
  );
