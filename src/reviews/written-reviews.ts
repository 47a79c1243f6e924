import { sql } from 'drizzle-orm';
import { statement } from '../db/statements';

/** A review the member wrote, as their dashboard lists it. */
export type WrittenReview = {
  id: string;
  draftId: string;
  title: string;
  draftStatus: 'open' | 'closed' | 'withdrawn';
  createdAt: number;
  /** null until the author rates it. */
  helpful: number | null;
  paid: number;
  replies: number;
};

/** The member's newest reviews, through the (reviewer_id, created_at) index: one more than `limit`, to tell whether older ones exist. */
export function reviewsWrittenStatement(d1: D1Database, reviewerId: string, limit: number): D1PreparedStatement {
  return statement(
    d1,
    sql`SELECT r.id, r.draft_id AS draftId, d.title, d.status AS draftStatus, r.created_at AS createdAt, r.helpful,
        d.price_per_review AS paid, (SELECT count(*) FROM replies p WHERE p.review_id = r.id) AS replies
      FROM reviews r JOIN drafts d ON d.id = r.draft_id
      WHERE r.reviewer_id = ${reviewerId}
      ORDER BY r.created_at DESC, r.id DESC LIMIT ${limit + 1}`,
  );
}

/** The rows of reviewsWrittenStatement as a list; `more` says whether older ones exist. */
export function writtenReviewsPage(rows: WrittenReview[], limit: number) {
  return { items: rows.slice(0, limit), more: rows.length > limit };
}
