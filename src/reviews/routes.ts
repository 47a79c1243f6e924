import { createRoute, z } from '@hono/zod-openapi';
import { memberRoute } from '../auth/member-route';
import { notifierFor } from '../email/notifier';
import { currentMember } from '../auth/middleware';
import { bodyErrors, commonErrors, writeErrors, errorResponse, jsonBody, IdParam, jsonResponse } from '../lib/openapi';
import { createRouter } from '../lib/router';
import { listReviews, rateReview, replyToReview, submitReview } from './reviews';
import {
  RatingSchema,
  ReplyInputSchema,
  ReplySchema,
  ReviewListSchema,
  ReviewSchema,
  SubmitReviewSchema,
} from './schemas';
import { config } from '../config';
import { credits } from '../ui/format';

const notYours = { 403: errorResponse('Not allowed for you.'), 404: errorResponse('Not found.') };

const submit = createRoute({
  operationId: 'submitReview',
  ...memberRoute('Reviews'),
  method: 'post',
  path: '/drafts/{id}/reviews',
  summary: 'Submit a review (pays you at once)',
  description:
    `Needs your active claim on the draft, or a free slot (which it takes). At least ${config.reviews.minWords} words overall and inline together; \`paragraph\` is the 0-based index of a paragraph of the draft.`,
  request: { params: IdParam, body: jsonBody(SubmitReviewSchema) },
  responses: {
    201: jsonResponse('The review.', ReviewSchema),
    ...commonErrors, ...writeErrors, ...bodyErrors,
    ...notYours,
    409: errorResponse('Already reviewed, or no slot free.'),
  },
});

const list = createRoute({
  operationId: 'listReviews',
  ...memberRoute('Reviews'),
  method: 'get',
  path: '/drafts/{id}/reviews',
  summary: 'Reviews of a draft',
  description: 'The author sees all; a reviewer sees their own.',
  request: { params: IdParam },
  responses: { 200: jsonResponse('The reviews.', ReviewListSchema), ...commonErrors, ...notYours },
});

const rate = createRoute({
  operationId: 'rateReview',
  ...memberRoute('Reviews'),
  method: 'post',
  path: '/reviews/{id}/rating',
  summary: 'Rate a review (author only, once)',
  description: `\`helpful: true\` mints a bonus of ${credits(config.credits.helpfulBonus)} for the reviewer.`,
  request: { params: IdParam, body: jsonBody(RatingSchema) },
  responses: { 200: jsonResponse('The rated review.', ReviewSchema), ...commonErrors, ...writeErrors, ...bodyErrors, ...notYours, 409: errorResponse('Already rated.') },
});

const reply = createRoute({
  operationId: 'replyToReview',
  ...memberRoute('Reviews'),
  method: 'post',
  path: '/reviews/{id}/replies',
  summary: 'Reply in a review’s thread (author or reviewer)',
  request: { params: IdParam, body: jsonBody(ReplyInputSchema) },
  responses: { 201: jsonResponse('The reply.', ReplySchema), ...commonErrors, ...writeErrors, ...bodyErrors, ...notYours },
});

export const reviewsApi = createRouter()
  .openapi(submit, async (c) =>
    c.json(await submitReview(c.env.DB, currentMember(c), c.req.valid('param').id, c.req.valid('json'), c.var.clock(), notifierFor(c)), 201),
  )
  .openapi(list, async (c) => {
    const items = await listReviews(c.env.DB, currentMember(c), c.req.valid('param').id, c.var.clock());
    return c.json({ items, nextCursor: null } satisfies z.infer<typeof ReviewListSchema>, 200);
  })
  .openapi(rate, async (c) =>
    c.json(await rateReview(c.env.DB, currentMember(c), c.req.valid('param').id, c.req.valid('json').helpful, c.var.clock(), notifierFor(c)), 200),
  )
  .openapi(reply, async (c) =>
    c.json(await replyToReview(c.env.DB, currentMember(c), c.req.valid('param').id, c.req.valid('json').body, c.var.clock(), notifierFor(c)), 201),
  );
