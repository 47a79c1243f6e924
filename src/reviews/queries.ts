import { sql, type SQL } from 'drizzle-orm';
import { statement } from '../db/statements';

export type ReviewRow = {
  id: string;
  draft_id: string;
  reviewer_id: string;
  reviewer_name: string;
  body: string;
  word_count: number;
  helpful: number | null;
  rated_at: number | null;
  created_at: number;
  paid: number;
};
type InlineRow = { review_id: string; paragraph: number; quote: string; body: string };
type ReplyRow = { id: string; review_id: string; author_id: string; author_name: string; body: string; created_at: number };

/**
 * Reviews matching `where` with their inline comments and replies: three
 * statements in one batch, so one round trip whatever the number of reviews.
 */
export async function loadReviews(d1: D1Database, where: SQL) {
  const [reviews, inline, replies] = await d1.batch([
    statement(d1, sql`SELECT r.*, m.name AS reviewer_name, d.price_per_review AS paid
      FROM reviews r JOIN members m ON m.id = r.reviewer_id JOIN drafts d ON d.id = r.draft_id
      WHERE ${where} ORDER BY r.created_at, r.id`),
    statement(d1, sql`SELECT i.review_id, i.paragraph, i.quote, i.body FROM inline_comments i
      WHERE i.review_id IN (SELECT r.id FROM reviews r WHERE ${where}) ORDER BY i.review_id, i.position`),
    statement(d1, sql`SELECT p.id, p.review_id, p.author_id, m.name AS author_name, p.body, p.created_at
      FROM replies p JOIN members m ON m.id = p.author_id
      WHERE p.review_id IN (SELECT r.id FROM reviews r WHERE ${where}) ORDER BY p.created_at, p.id`),
  ]);
  const inlineRows = (inline!.results as InlineRow[]) ?? [];
  const replyRows = (replies!.results as ReplyRow[]) ?? [];
  return ((reviews!.results as ReviewRow[]) ?? []).map((r) => presentReview(
    r,
    inlineRows.filter((i) => i.review_id === r.id),
    replyRows.filter((p) => p.review_id === r.id),
  ));
}

export function presentReply(p: ReplyRow) {
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
    helpful: r.helpful === null ? null : r.helpful === 1,
    ratedAt: r.rated_at === null ? null : new Date(r.rated_at).toISOString(),
    createdAt: new Date(r.created_at).toISOString(),
    replies: replies.map(presentReply),
    paid: r.paid,
  };
}

export type ReviewView = ReturnType<typeof presentReview>;

/** A review with the two people who may act on it: its reviewer and the draft's author. */
export type ReviewParties = { id: string; draft_id: string; reviewer_id: string; author_id: string; rated_at: number | null };

export function findReviewParties(d1: D1Database, reviewId: string) {
  return d1
    .prepare('SELECT r.id, r.draft_id, r.reviewer_id, d.author_id, r.rated_at FROM reviews r JOIN drafts d ON d.id = r.draft_id WHERE r.id = ?')
    .bind(reviewId)
    .first<ReviewParties>();
}
