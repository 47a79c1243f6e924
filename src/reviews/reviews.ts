import { sql } from 'drizzle-orm';
import { config } from '../config';
import { statement } from '../db/statements';
import type { Member } from '../db/schema';
import { hasFreeSlot, liveClaimIdOf } from '../claims/slots';
import { readDraftForReviewer, selectVisibleDraft, type DraftRow } from '../drafts/queries';
import { badRequest, conflict, forbidden, notFound, validationFailed, type FieldErrors } from '../lib/errors';
import { useHoldStatement } from '../works/returning-readers';
import { ownWords } from './own-words';
import { newId } from '../lib/ids';
import { countWords, splitParagraphs } from '../lib/text';
import { renderedAnswers, renderMarkdown } from '../lib/markdown';
import { MINT, transferStatement } from '../ledger/transfer';
import { ratedHelpfulEmail, replyEmail, reviewSubmittedEmails } from '../email/events';
import type { Notifier } from '../email/notifier';
import { blockedBetween } from '../relationships/blocked-between';
import { helpfulCounted, reviewCounted } from '../relationships/profile-counters';
import { findReviewAsParty, presentReply, presentReviews, readableReviews, reviewPartyIs, reviewStatements, type ReviewView } from './queries';
import type { SubmitReviewInput } from './schemas';

/** Quotes are compared without Markdown punctuation or spacing, as a reader sees the text. */
const plain = (text: string) => text.replace(/[*_`#>[\]()~]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();

/** Every question answered once, each answer long enough; `fields.answers` says what is missing. */
function checkAnswers(answers: SubmitReviewInput['answers'], questions: string[]): string | null {
  const { minAnswerWords } = config.reviews;
  const unknown = answers.find((a) => a.question >= questions.length);
  if (unknown) {
    return questions.length
      ? `This draft asks questions 0 to ${questions.length - 1}; there is no question ${unknown.question}.`
      : 'This draft asks no questions; leave answers out.';
  }
  const missing = questions.map((_, i) => i).filter((i) => answers.filter((a) => a.question === i).length !== 1);
  if (missing.length) return `Answer each of the author’s questions once; missing or repeated: ${missing.join(', ')}.`;
  const short = answers.filter((a) => countWords(a.body) < minAnswerWords).map((a) => a.question);
  if (short.length) return `Each answer needs at least ${minAnswerWords} words; too short: ${short.join(', ')}.`;
  return null;
}

/**
 * Checks the review against the draft it is for: the author's questions
 * answered, enough of the reviewer's own words (answers count, passages copied
 * from the draft do not), and that every anchor exists.
 */
function checkReview(input: SubmitReviewInput, draftBody: string, questions: string[]) {
  const paragraphs = splitParagraphs(draftBody);
  const fields: FieldErrors = {};
  const answersError = checkAnswers(input.answers, questions);
  if (answersError) fields.answers = answersError;
  const own = ownWords([input.body, ...input.inline.map((c) => c.body), ...input.answers.map((a) => a.body)], draftBody);
  const words = own.count;
  if (words < config.reviews.minWords) {
    const copied = own.copied ? ` (${own.copied} words copied from the draft do not count)` : '';
    fields.body = `A review needs at least ${config.reviews.minWords} words, overall and inline together; this one has ${words}${copied}.`;
  }
  const inline = input.inline.map((comment, i) => {
    const paragraph = paragraphs[comment.paragraph];
    if (paragraph === undefined) {
      fields[`inline.${i}.paragraph`] = `The draft has paragraphs 0 to ${paragraphs.length - 1}.`;
      return comment;
    }
    if (comment.quote && !plain(paragraph).includes(plain(comment.quote))) {
      fields[`inline.${i}.quote`] = `That quote is not in paragraph ${comment.paragraph}.`;
    }
    return { ...comment, quote: comment.quote || paragraph.slice(0, 120) };
  });
  if (Object.keys(fields).length) throw validationFailed(fields);
  if (own.distinct < config.reviews.minDistinctWords) {
    throw badRequest(
      'low_effort',
      `This review uses only ${own.distinct} different words of your own; a review needs at least ${config.reviews.minDistinctWords}. Say in your own words what works, what does not and why, rather than repeating or quoting.`,
      { body: `At least ${config.reviews.minDistinctWords} different words of your own.` },
    );
  }
  return { words, inline, answers: [...input.answers].sort((a, b) => a.question - b.question) };
}

/**
 * Submits a review, each of its texts rendered once and stored beside its
 * Markdown, and pays its reviewer, in one batch: the review row is
 * inserted only if the reviewer holds a live claim or a slot is free (and the
 * unique (draft, reviewer) index refuses a second one), and every other
 * statement acts only if that row exists. So a double submit pays once and a
 * draft never gets more reviews than it paid for.
 */
export async function submitReview(
  d1: D1Database,
  reviewer: Member,
  draftId: string,
  input: SubmitReviewInput,
  now: number,
  notify: Notifier,
): Promise<ReviewView> {
  const draft = await readDraftForReviewer(d1, draftId, reviewer.id, now);
  if (!draft) throw notFound('That draft');
  const holdsClaim = !!draft.my_claim_id;
  if (draft.author_id === reviewer.id) throw forbidden('You cannot review your own draft.');
  if (draft.reviewed) throw conflict('already_reviewed', 'You have already reviewed this draft.');
  if (!holdsClaim && draft.free_for_me <= 0) {
    throw conflict('no_free_slot', 'Every slot on this draft is taken. Claim a draft from the queue first.');
  }
  const questions = JSON.parse(draft.questions) as string[];
  const { words, inline, answers } = checkReview(input, draft.body, questions);

  const id = newId();
  const mine = sql`EXISTS (SELECT 1 FROM reviews WHERE id = ${id})`;
  const emails = await reviewSubmittedEmails(d1, notify.ctx, {
    reviewId: id,
    draft: { id: draftId, title: draft.title, reviewsWanted: draft.reviews_wanted, reviewsReceivedBefore: draft.reviews_received },
    author: { id: draft.author_id, email: draft.author_email, name: draft.author_name },
    reviewerName: reviewer.name,
    overall: input.body,
    inline,
    answers: answers.map((a) => ({ question: questions[a.question]!, body: a.body })),
    now,
  });
  const holdsLiveClaim = sql`${liveClaimIdOf(reviewer.id, sql`d.id`, now)} IS NOT NULL`;
  const results = await d1.batch([
    statement(d1, sql`INSERT INTO reviews (id, draft_id, reviewer_id, body, body_html, word_count, answers, created_at)
      SELECT ${id}, d.id, ${reviewer.id}, ${input.body}, ${renderMarkdown(input.body)}, ${words}, ${renderedAnswers(answers)}, ${now} FROM drafts d
      WHERE d.id = ${draftId} AND d.author_id <> ${reviewer.id}
        AND ((d.status IN ('open', 'withdrawn') AND ${holdsLiveClaim}) OR (d.status = 'open' AND ${hasFreeSlot(draftId, now, reviewer.id)}))
        AND NOT ${blockedBetween(reviewer.id, sql`d.author_id`)}
      ON CONFLICT DO NOTHING`),
    // A returning reader reviewing without a claim takes their held slot.
    useHoldStatement(d1, draftId, reviewer.id, mine, now),
    ...inline.map((comment, position) =>
      statement(d1, sql`INSERT INTO inline_comments (id, review_id, paragraph, quote, body, body_html, position)
        SELECT ${newId()}, ${id}, ${comment.paragraph}, ${comment.quote}, ${comment.body}, ${renderMarkdown(comment.body)}, ${position} WHERE ${mine}`),
    ),
    statement(d1, sql`UPDATE claims SET status = 'used', ended_at = ${now}
      WHERE draft_id = ${draftId} AND reviewer_id = ${reviewer.id} AND status = 'active' AND ${mine}`),
    // A review sent straight into a slot held for the reviewer uses their invitation.
    statement(d1, sql`UPDATE invitations SET status = 'accepted', ended_at = ${now}
      WHERE draft_id = ${draftId} AND invitee_id = ${reviewer.id} AND status = 'pending' AND ${mine}`),
    ...reviewCounted(d1, { reviewerId: reviewer.id, authorId: draft.author_id, now, happened: mine }),
    // The last review in closes the draft by itself.
    statement(d1, sql`UPDATE drafts SET reviews_received = reviews_received + 1,
        ended_at = CASE WHEN status = 'open' AND reviews_received + 1 >= reviews_wanted THEN ${now} ELSE ended_at END,
        status = CASE WHEN status = 'open' AND reviews_received + 1 >= reviews_wanted THEN 'closed' ELSE status END
      WHERE id = ${draftId} AND ${mine}`),
    transferStatement(d1, {
      from: draftId,
      to: reviewer.id,
      amount: sql`d.price_per_review`,
      reason: 'review_paid',
      key: `review_paid:${id}`,
      now,
      draftId,
      reviewId: id,
      source: sql`FROM drafts d WHERE d.id = ${draftId} AND ${mine}`,
    }),
    ...emails.map((email) => email.statement),
    // Read back in the same round trip.
    ...reviewStatements(d1, sql`r.id = ${id}`),
  ]);
  if (results[0]!.meta.changes === 0) {
    throw conflict('review_not_accepted', 'This review was not accepted: the slot was taken or you reviewed this draft already.');
  }
  notify.queued(emails.map((email) => email.id));
  return presentReviews(results.slice(-3))[0]!;
}

/**
 * The author sees every review of their draft; a reviewer sees their own (even
 * after the author withdraws the draft); nobody else any. One batch.
 */
export async function listReviews(d1: D1Database, viewer: Member, draftId: string, now: number): Promise<ReviewView[]> {
  const [draft, ...reviews] = await d1.batch([
    selectVisibleDraft(d1, draftId, viewer.id, now),
    ...reviewStatements(d1, readableReviews(draftId, viewer.id)),
  ]);
  const row = draft!.results[0] as DraftRow | undefined;
  if (!row) throw notFound('That draft');
  const readable = presentReviews(reviews);
  if (row.author_id === viewer.id || readable.length > 0) return readable;
  throw forbidden('Only the author and the draft’s reviewers can read its reviews.');
}

/** The author rates a review once; "helpful" mints the bonus for the reviewer in the same batch. */
export async function rateReview(
  d1: D1Database,
  author: Member,
  reviewId: string,
  helpful: boolean,
  now: number,
  notify: Notifier,
): Promise<ReviewView> {
  const parties = await findReviewAsParty(d1, reviewId, author.id);
  if (parties.author_id !== author.id) throw forbidden('Only the draft’s author can rate its reviews.');
  if (parties.rated_at !== null) throw conflict('already_rated', 'You have already rated this review.');

  const email = await ratedHelpfulEmail(d1, notify.ctx, {
    reviewId,
    draftId: parties.draft_id,
    draftTitle: parties.draft_title,
    reviewer: { id: parties.reviewer_id, email: parties.reviewer_email, name: parties.reviewer_name },
    authorName: parties.author_name,
    now,
  });
  const results = await d1.batch([
    // Still a review the author may act on: a moderator's removal landing after the read above wins.
    statement(d1, sql`UPDATE reviews AS r SET helpful = ${helpful ? 1 : 0}, rated_at = ${now}
      WHERE r.id = ${reviewId} AND r.rated_at IS NULL AND ${reviewPartyIs(author.id)}`),
    transferStatement(d1, {
      from: MINT,
      to: parties.reviewer_id,
      amount: config.credits.helpfulBonus,
      reason: 'helpful_bonus',
      key: `helpful_bonus:${reviewId}`,
      now,
      draftId: parties.draft_id,
      reviewId,
      source: sql`WHERE EXISTS (SELECT 1 FROM reviews WHERE id = ${reviewId} AND helpful = 1)`,
    }),
    helpfulCounted(d1, parties.reviewer_id, sql`EXISTS (SELECT 1 FROM reviews WHERE id = ${reviewId} AND helpful = 1 AND rated_at = ${now})`),
    email.statement,
    ...reviewStatements(d1, sql`r.id = ${reviewId}`),
  ]);
  if (results[0]!.meta.changes === 0) {
    // Removed meanwhile (a 404, as for any removed review) or rated meanwhile.
    await findReviewAsParty(d1, reviewId, author.id);
    throw conflict('already_rated', 'You have already rated this review.');
  }
  if (helpful) notify.queued([email.id]);
  return presentReviews(results.slice(-3))[0]!;
}

/** A thread between the draft's author and the reviewer, and nobody else; a block between them closes it. */
export async function replyToReview(d1: D1Database, member: Member, reviewId: string, body: string, now: number, notify: Notifier) {
  const parties = await findReviewAsParty(d1, reviewId, member.id);
  if (parties.blocked) throw notFound('That review');
  const id = newId();
  const fromAuthor = parties.author_id === member.id;
  const email = await replyEmail(d1, notify.ctx, {
    replyId: id,
    reviewId,
    draftId: parties.draft_id,
    draftTitle: parties.draft_title,
    to: fromAuthor
      ? { id: parties.reviewer_id, email: parties.reviewer_email, name: parties.reviewer_name }
      : { id: parties.author_id, email: parties.author_email, name: parties.author_name },
    fromName: member.name,
    body,
    now,
  });
  const [inserted] = await d1.batch([
    statement(d1, sql`INSERT INTO replies (id, review_id, author_id, body, body_html, created_at)
      SELECT ${id}, ${reviewId}, ${member.id}, ${body}, ${renderMarkdown(body)}, ${now} WHERE NOT ${blockedBetween(parties.author_id, parties.reviewer_id)}`),
    email.statement,
  ]);
  if (inserted!.meta.changes === 0) throw notFound('That review');
  notify.queued([email.id]);
  return presentReply({ id, review_id: reviewId, author_id: member.id, author_name: member.name, body, created_at: now });
}
