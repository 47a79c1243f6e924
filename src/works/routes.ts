import { createRoute } from '@hono/zod-openapi';
import { memberRoute } from '../auth/member-route';
import { currentMember } from '../auth/middleware';
import { DraftSchema, ReviseDraftSchema } from '../drafts/schemas';
import { notifierFor } from '../email/notifier';
import { commonErrors, errorResponse, IdParam, jsonBody, jsonResponse, writeErrors, bodyErrors } from '../lib/openapi';
import { createRouter } from '../lib/router';
import { draftChanges } from './changes';
import { reviseDraft } from './revisions';
import { ChangesSchema, CreateWorkSchema, ListWorksQuery, WorkListSchema, WorkSchema } from './schemas';
import { createWork, listOwnWorks, viewWork } from './works';

const create = createRoute({
  ...memberRoute('Works'),
  operationId: 'createWork',
  method: 'post',
  path: '/works',
  summary: 'Start a work in parts',
  description: 'Free: each part is a draft posted with `workId`, and pays for its own reviews.',
  request: { body: jsonBody(CreateWorkSchema) },
  responses: { 201: jsonResponse('The new work, with no parts yet.', WorkSchema), ...commonErrors, ...writeErrors, ...bodyErrors },
});

const get = createRoute({
  ...memberRoute('Works'),
  operationId: 'getWork',
  method: 'get',
  path: '/works/{id}',
  summary: 'A work and its contents',
  description: 'Each part (its latest version) in order, with its status and reviews in.',
  request: { params: IdParam },
  responses: { 200: jsonResponse('The work.', WorkSchema), ...commonErrors, 404: errorResponse('No such work.') },
});

const list = createRoute({
  ...memberRoute('Works'),
  operationId: 'listWorks',
  method: 'get',
  path: '/works',
  summary: 'Your works, newest first',
  request: { query: ListWorksQuery },
  responses: { 200: jsonResponse('A page of works.', WorkListSchema), ...commonErrors },
});

const revise = createRoute({
  ...memberRoute('Works'),
  operationId: 'reviseDraft',
  method: 'post',
  path: '/drafts/{id}/revisions',
  summary: 'Post the next version of your draft',
  description:
    'The new version pays for its own reviews; the previous one, if still open, is withdrawn with the usual refunds in the same step. Returning readers get a held slot and an email.',
  request: { params: IdParam, body: jsonBody(ReviseDraftSchema) },
  responses: {
    201: jsonResponse('The new version.', DraftSchema),
    ...commonErrors, ...writeErrors, ...bodyErrors,
    402: errorResponse('Not enough credits; `fields.credits` says how many more.'),
    403: errorResponse('Not your draft.'),
    404: errorResponse('No such draft.'),
    409: errorResponse('The draft already has a newer version (`already_revised`).'),
  },
});

const changes = createRoute({
  ...memberRoute('Works'),
  operationId: 'getDraftChanges',
  method: 'get',
  path: '/drafts/{id}/changes',
  summary: 'What this version changed, paragraph by paragraph',
  description: 'Against the previous version; a first version has no previous one, and every paragraph is `added`.',
  request: { params: IdParam },
  responses: { 200: jsonResponse('The comparison.', ChangesSchema), ...commonErrors, 404: errorResponse('No such draft.') },
});

export const worksApi = createRouter()
  .openapi(create, async (c) => c.json(await createWork(c.env.DB, currentMember(c), c.req.valid('json'), c.var.clock()), 201))
  .openapi(get, async (c) => c.json(await viewWork(c.env.DB, c.req.valid('param').id), 200))
  .openapi(list, async (c) => c.json(await listOwnWorks(c.env.DB, currentMember(c), c.req.valid('query').cursor), 200))
  .openapi(revise, async (c) =>
    c.json(await reviseDraft(c.env.DB, currentMember(c), c.req.valid('param').id, c.req.valid('json'), c.var.clock(), notifierFor(c)), 201),
  )
  .openapi(changes, async (c) => c.json(await draftChanges(c.env.DB, currentMember(c), c.req.valid('param').id, c.var.clock()), 200));
