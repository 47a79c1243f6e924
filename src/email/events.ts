import { sql, type SQL } from 'drizzle-orm';
import { config } from '../config';
import { excerpt } from '../lib/markdown';
import { enqueueEmail, memberWants } from './outbox';
import { notification, type EmailContext, type Recipient } from './notification';

/** Outbox statements for the batch that submits a review; each acts only if the review row exists. */
export async function reviewSubmittedEmails(
  d1: D1Database,
  ctx: EmailContext,
  event: {
    reviewId: string;
    draft: { id: string; title: string; reviewsWanted: number; reviewsReceivedBefore: number };
    author: Recipient;
    reviewerName: string;
    overall: string;
    inline: Array<{ paragraph: number; quote: string; body: string }>;
    /** Each of the author's questions with the reviewer's answer. */
    answers: Array<{ question: string; body: string }>;
    now: number;
  },
) {
  const { draft, author, now } = event;
  const inNow = draft.reviewsReceivedBefore + 1;
  // Digest readers get both notices in their daily digest instead.
  const wanted = sql`EXISTS (SELECT 1 FROM reviews WHERE id = ${event.reviewId}) AND ${memberWants(author.id, sql`notify_reviews = 'each'`)}`;
  const { inline } = event;
  const emailed = inline.slice(0, config.reviews.inlineCommentsEmailed);
  const received = await notification(ctx, author, 'review_received', {
    subject: `${event.reviewerName} reviewed “${draft.title}”`,
    lines: [
      `${event.reviewerName} reviewed your draft “${draft.title}”, with ${inline.length} inline comment${inline.length === 1 ? '' : 's'}. ${inNow} of ${draft.reviewsWanted} reviews are in.`,
      // Each with the words it is about, as the draft's margin shows them.
      ...emailed.map((c) => `¶ ${c.paragraph + 1} “${excerpt(c.quote, config.email.excerptLength)}”: ${excerpt(c.body, config.email.excerptLength)}`),
      ...(inline.length > emailed.length ? [`…and ${inline.length - emailed.length} more on the draft’s page.`] : []),
      ...event.answers.map((a) => `You asked: “${a.question}” They answered: ${excerpt(a.body, config.email.excerptLength)}`),
      'Their overall comment begins:',
    ],
    quote: excerpt(event.overall, config.email.excerptLength),
    link: { path: `/drafts/${draft.id}#review-${event.reviewId}`, label: 'Read the review' },
  });
  const statements = [enqueueEmail(d1, received, now, wanted)];
  if (inNow >= draft.reviewsWanted) {
    const complete = await notification(
      ctx,
      author,
      'draft_complete',
      {
        subject: `All feedback is in for “${draft.title}”`,
        lines: [`All ${draft.reviewsWanted} reviews you asked for on “${draft.title}” are in. Time to read them side by side.`],
        link: { path: `/drafts/${draft.id}`, label: 'Open the draft' },
      },
      `draft_complete:${draft.id}`,
    );
    statements.push(enqueueEmail(d1, complete, now, wanted));
  }
  return statements;
}

/** To the reviewer, when the author rates their review helpful (with the bonus). */
export async function ratedHelpfulEmail(
  d1: D1Database,
  ctx: EmailContext,
  event: { reviewId: string; draftId: string; draftTitle: string; reviewer: Recipient; authorName: string; now: number },
) {
  const email = await notification(ctx, event.reviewer, 'review_rated', {
    subject: `Your review of “${event.draftTitle}” was rated helpful`,
    lines: [
      `${event.authorName} rated your review of “${event.draftTitle}” helpful. That earned you a bonus of ${config.credits.helpfulBonus} credit.`,
    ],
    link: { path: `/drafts/${event.draftId}#review-${event.reviewId}`, label: 'See your review' },
  });
  return enqueueEmail(
    d1,
    email,
    event.now,
    sql`EXISTS (SELECT 1 FROM reviews WHERE id = ${event.reviewId} AND helpful = 1 AND rated_at = ${event.now})
      AND ${memberWants(event.reviewer.id, sql`notify_activity = 1`)}`,
  );
}

/** To the other side of a review thread when one side replies. */
export async function replyEmail(
  d1: D1Database,
  ctx: EmailContext,
  event: { replyId: string; reviewId: string; draftId: string; draftTitle: string; to: Recipient; fromName: string; body: string; now: number },
) {
  const email = await notification(ctx, event.to, 'reply_received', {
    subject: `${event.fromName} replied about “${event.draftTitle}”`,
    lines: [`${event.fromName} replied in the thread of a review of “${event.draftTitle}”:`],
    quote: excerpt(event.body, config.email.excerptLength),
    link: { path: `/drafts/${event.draftId}#review-${event.reviewId}`, label: 'Read and reply' },
  });
  return enqueueEmail(
    d1,
    email,
    event.now,
    sql`EXISTS (SELECT 1 FROM replies WHERE id = ${event.replyId}) AND ${memberWants(event.to.id, sql`notify_activity = 1`)}`,
  );
}

/**
 * To each returning reader of a new part or version: it is up, and a slot is
 * held for them for a while. Each row only if their hold was written in the
 * same batch (`heldFor`) and they want these emails.
 */
export async function returningReadersEmails(
  d1: D1Database,
  ctx: EmailContext,
  event: { draftId: string; title: string; authorName: string; what: string; readers: Recipient[]; heldFor: (memberId: string) => SQL; now: number },
) {
  const hours = Math.round(config.works.holdLifetimeMs / 3_600_000);
  return Promise.all(
    event.readers.map(async (reader) => {
      const email = await notification(
        ctx,
        reader,
        'returning_readers',
        {
          subject: `${event.authorName} posted ${event.what}: “${event.title}”`,
          lines: [
            `You reviewed ${event.authorName}’s earlier writing, so you hear first: ${event.what}, “${event.title}”, is up.`,
            `A slot to review it is held for you for ${hours} hours; it is at the top of your queue under “Continue reading”.`,
          ],
          link: { path: `/drafts/${event.draftId}`, label: 'Read it' },
        },
        `returning_readers:${event.draftId}:${reader.id}`,
      );
      return enqueueEmail(d1, email, event.now, sql`${event.heldFor(reader.id)} AND ${memberWants(reader.id, sql`notify_returning = 1`)}`);
    }),
  );
}
