import { Hono } from 'hono';
import { notifierFor } from '../email/notifier';
import type { AppEnv } from '../env';
import { fieldErrors } from '../lib/validation';
import { findReviewAsParty } from '../reviews/queries';
import { replyToReview } from '../reviews/reviews';
import { ReplyInputSchema } from '../reviews/schemas';
import { formFields } from '../ui/forms';
import { requirePageMember } from '../ui/require-page-member';
import { showDraftPage } from './page';

/**
 * The draft page, and the reply form on it: a refused reply is shown again on
 * the draft page, beside the thread it was for.
 */
export const draftPageRoutes = new Hono<AppEnv>()
  .get('/drafts/:id', requirePageMember, (c) => showDraftPage(c, c.req.param('id')))
  .post('/reviews/:id/replies', requirePageMember, async (c) => {
    const reviewId = c.req.param('id');
    const member = c.var.member!;
    const parties = await findReviewAsParty(c.env.DB, reviewId, member.id);
    const body = (await formFields(c.req)).body ?? '';
    const parsed = ReplyInputSchema.safeParse({ body });
    if (!parsed.success) {
      const error = fieldErrors(parsed.error).body ?? 'Write the reply.';
      return showDraftPage(c, parties.draft_id, { replyDraft: { reviewId, body, error } }, 400);
    }
    const reply = await replyToReview(c.env.DB, member, reviewId, parsed.data.body, c.var.clock(), notifierFor(c));
    return c.redirect(`/drafts/${parties.draft_id}?replied=1#reply-${reply.id}`, 303);
  });
