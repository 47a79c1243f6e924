import { sql, type SQL } from 'drizzle-orm';
import { statement } from '../db/statements';
import { notFound } from '../lib/errors';
import { blockedBetween } from '../relationships/blocked-between';
import { storedHtml } from '../lib/stored-html';

export type ReviewRow = {
  id: string;
  draft_id: string;
  reviewer_id: string;
  reviewer_name: string;
  body: string;
  /** Null on a row written before HTML was stored, until the cron renders it (and its answers' html). */
  body_html: string | null;
  word_count: number;
  /** JSON: Array<StoredAnswer>. */
  answers: string;
  helpful: number | null;
  rated_at: number | null;
  created_at: number;
  paid: number;
};
type InlineRow = { review_id: string; paragraph: number; quote: string; body: string; body_html: string | null };
type ReplyRow = { id: string; review_id: string; author_id: string; author_name: string; body: string; body_html: string | null; created_at: number };
/** An answer as the `answers` column holds it; `html` is missing only on a row the backfill has not reached. */
type StoredAnswer = { question: number; body: string; html?: string };

/**
 * The three statements that read the reviews matching `where` with their
 * inline comments and replies, to ride in a batch of the caller's; presentReviews
 * turns their three results into reviews.
 */
export function reviewStatements(d1: D1Database, where: SQL): [D1PreparedStatement, D1PreparedStatement, D1PreparedStatement] {
  return [
    statement(d1, sql`SELECT r.*, m.name AS reviewer_name, d.price_per_review AS paid
      FROM reviews r JOIN members m ON m.id = r.reviewer_id JOIN drafts d ON d.id = r.draft_id
      WHERE ${where} ORDER BY r.created_at, r.id`),
    statement(d1, sql`SELECT i.review_id, i.paragraph, i.quote, i.body, i.body_html FROM inline_comments i
      WHERE i.review_id IN (SELECT r.id FROM reviews r WHERE ${where}) ORDER BY i.review_id, i.position`),
    statement(d1, sql`SELECT p.id, p.review_id, p.author_id, m.name AS author_name, p.body, p.body_html, p.created_at
      FROM replies p JOIN members m ON m.id = p.author_id
      WHERE p.removed_at IS NULL AND p.review_id IN (SELECT r.id FROM reviews r WHERE ${where}) ORDER BY p.created_at, p.id`),
  ];
}

/** The rows of each review in the results of reviewStatements: the review's, its inline comments' and its replies'. */
function reviewRows([reviews, inline, replies]: D1Result[]) {
  const inlineRows = (inline?.results as InlineRow[] | undefined) ?? [];
  const replyRows = (replies?.results as ReplyRow[] | undefined) ?? [];
  return ((reviews?.results as ReviewRow[] | undefined) ?? []).map((review) => ({
    review,
    inline: inlineRows.filter((i) => i.review_id === review.id),
    replies: replyRows.filter((p) => p.review_id === review.id),
  }));
}

/** The reviews from the results of reviewStatements, each with its inline comments and replies, as the API shows them. */
export function presentReviews(results: D1Result[]) {
  return reviewRows(results).map(({ review, inline, replies }) => presentReview(review, inline, replies));
}

/**
 * The reviews as the draft page shows them: as the API does, plus `html`,
 * the HTML stored for each text when it was written, in the order of the
 * review's own arrays (inline comments, answers, replies).
 */
export function presentReviewsWithHtml(results: D1Result[]) {
  return reviewRows(results).map(({ review, inline, replies }) => ({
    ...presentReview(review, inline, replies),
    html: {
      body: storedHtml(review.body_html, review.body),
      inline: inline.map((i) => storedHtml(i.body_html, i.body)),
      answers: (JSON.parse(review.answers) as StoredAnswer[]).map((a) => storedHtml(a.html, a.body)),
      replies: replies.map((p) => storedHtml(p.body_html, p.body)),
    },
  }));
}

export type ReviewWithHtml = ReturnType<typeof presentReviewsWithHtml>[number];

/**
 * Who may read and act on the review aliased `r` (reply, rate, see it at all):
 * its two parties, the reviewer who wrote it and the author of its draft.
 * To anyone else, and to everyone once a moderator removed it, it does not exist.
 */
export const reviewPartyIs = (memberId: string) =>
  sql`(r.removed_at IS NULL AND (r.reviewer_id = ${memberId} OR EXISTS (SELECT 1 FROM drafts x WHERE x.id = r.draft_id AND x.author_id = ${memberId})))`;

/** The reviews of a draft a viewer may read: all of them for its author, their own for a reviewer. */
export const readableReviews = (draftId: string, viewerId: string) => sql`r.draft_id = ${draftId} AND ${reviewPartyIs(viewerId)}`;


export function presentReply(p: Omit<ReplyRow, 'body_html'>) {
  return {
    id: p.id,
    reviewId: p.review_id,
    author: { id: p.author_id, name: p.author_name },
    body: p.body,
    createdAt: new Date(p.created_at).toISOString(),
  };
}

function presentReview(r: ReviewRow, inline: InlineRow[], replies: ReplyRow[]) {
  return {
    id: r.id,
    draftId: r.draft_id,
    reviewer: { id: r.reviewer_id, name: r.reviewer_name },
    body: r.body,
    wordCount: r.word_count,
    inline: inline.map((i) => ({ paragraph: i.paragraph, quote: i.quote, body: i.body })),
    answers: (JSON.parse(r.answers) as StoredAnswer[]).map(({ question, body }) => ({ question, body })),
    helpful: r.helpful === null ? null : r.helpful === 1,
    ratedAt: r.rated_at === null ? null : new Date(r.rated_at).toISOString(),
    createdAt: new Date(r.created_at).toISOString(),
    replies: replies.map(presentReply),
    paid: r.paid,
  };
}

export type ReviewView = ReturnType<typeof presentReview>;

/** A review with the two people who may act on it: its reviewer and the draft's author. */
export type ReviewParties = {
  id: string;
  draft_id: string;
  draft_title: string;
  reviewer_id: string;
  reviewer_name: string;
  reviewer_email: string;
  author_id: string;
  author_name: string;
  author_email: string;
  rated_at: number | null;
  /** A block stands between the two: the review stays readable, its thread is closed. */
  blocked: number;
};

/** The review with its parties, for one of them (reviewPartyIs); not found for anyone else. */
export async function findReviewAsParty(d1: D1Database, reviewId: string, memberId: string): Promise<ReviewParties> {
  const parties = await statement(
    d1,
    sql`SELECT r.id, r.draft_id, d.title AS draft_title, r.reviewer_id, rv.name AS reviewer_name, rv.email AS reviewer_email,
        d.author_id, au.name AS author_name, au.email AS author_email, r.rated_at,
        ${blockedBetween(sql`r.reviewer_id`, sql`d.author_id`)} AS blocked
      FROM reviews r JOIN drafts d ON d.id = r.draft_id
      JOIN members rv ON rv.id = r.reviewer_id JOIN members au ON au.id = d.author_id
      WHERE r.id = ${reviewId} AND ${reviewPartyIs(memberId)}`,
  ).first<ReviewParties>();
  if (!parties) throw notFound('That review');
  return parties;
}
