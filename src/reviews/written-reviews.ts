import { sql, type SQL } from 'drizzle-orm';
import { config } from '../config';
import { statement } from '../db/statements';
import { decodeCursor, paginate } from '../lib/cursor';

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

/** The member's reviews newest first, from after the cursor's (created_at, id): the (reviewer_id, created_at) index, one more than a page. */
export function reviewsWrittenQuery(reviewerId: string, after: [number, string] | null): SQL {
  return sql`SELECT r.id, r.draft_id AS draftId, d.title, d.status AS draftStatus, r.created_at AS createdAt, r.helpful,
      d.price_per_review AS paid, (SELECT count(*) FROM replies p WHERE p.review_id = r.id AND p.removed_at IS NULL) AS replies
    FROM reviews r JOIN drafts d ON d.id = r.draft_id
    WHERE r.reviewer_id = ${reviewerId} AND r.removed_at IS NULL ${after ? sql`AND (r.created_at, r.id) < (${after[0]}, ${after[1]})` : sql``}
    ORDER BY r.created_at DESC, r.id DESC LIMIT ${config.pagination.pageSize + 1}`;
}

/** A page of the member's reviews; a cursor that is not one of ours is a 400. */
export function reviewsWrittenStatement(d1: D1Database, reviewerId: string, cursor: string | undefined): D1PreparedStatement {
  const after = cursor ? decodeCursor<[number, string]>(cursor, ['number', 'string']) : null;
  return statement(d1, reviewsWrittenQuery(reviewerId, after));
}

/** The rows of reviewsWrittenStatement as a page with the cursor of the next one. */
export function writtenReviewsPage(rows: WrittenReview[]) {
  return paginate(rows, config.pagination.pageSize, (r) => [r.createdAt, r.id]);
}
