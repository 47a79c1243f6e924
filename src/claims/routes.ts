import { createRoute } from '@hono/zod-openapi';
import { memberRoute } from '../auth/member-route';
import { currentMember } from '../auth/middleware';
import { commonErrors, writeErrors, errorResponse, IdParam, jsonResponse } from '../lib/openapi';
import { createRouter } from '../lib/router';
import { claimSlot, releaseClaim } from './claims';
import { ClaimSchema } from './schemas';
import { config } from '../config';
import { duration } from '../ui/format';

const claim = createRoute({
  operationId: 'claimDraft',
  ...memberRoute('Claims'),
  method: 'post',
  path: '/drafts/{id}/claims',
  summary: `Claim a review slot for ${duration(config.claims.lifetimeMs)}`,
  request: { params: IdParam },
  responses: {
    201: jsonResponse('The claim.', ClaimSchema),
    ...commonErrors, ...writeErrors,
    403: errorResponse('Your own draft.'),
    404: errorResponse('No such draft.'),
    409: errorResponse('No free slot, already claimed or reviewed, or 3 claims held already.'),
  },
});

const release = createRoute({
  operationId: 'releaseClaim',
  ...memberRoute('Claims'),
  method: 'delete',
  path: '/claims/{id}',
  summary: 'Release a claim',
  request: { params: IdParam },
  responses: {
    200: jsonResponse('The released claim.', ClaimSchema),
    ...commonErrors, ...writeErrors,
    404: errorResponse('No such claim of yours.'),
    409: errorResponse('The claim has already ended.'),
  },
});

export const claimsApi = createRouter()
  .openapi(claim, async (c) => c.json(await claimSlot(c.env.DB, currentMember(c), c.req.valid('param').id, c.var.clock()), 201))
  .openapi(release, async (c) =>
    c.json(await releaseClaim(c.env.DB, currentMember(c), c.req.valid('param').id, c.var.clock()), 200),
  );
