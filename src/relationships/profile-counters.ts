import { sql, type SQL } from 'drizzle-orm';
import { statement } from '../db/statements';

/*
 * The profile counters and "return the favour" tallies, moved in the same
 * batch as the events that change them, each only if its event happened
 * (`happened`, a condition on the batch's own rows). A profile and the
 * return-favours list then read a flat number of rows at any size.
 */

/** A review was submitted: the reviewer gave one, the author received one, and the pair's tally grows. */
export function reviewCounted(d1: D1Database, event: { reviewerId: string; authorId: string; now: number; happened: SQL }) {
  return [
    statement(d1, sql`UPDATE members SET reviews_given = reviews_given + 1 WHERE id = ${event.reviewerId} AND ${event.happened}`),
    statement(d1, sql`UPDATE members SET reviews_received = reviews_received + 1 WHERE id = ${event.authorId} AND ${event.happened}`),
    statement(d1, sql`INSERT INTO review_tallies (author_id, reviewer_id, reviews, last_at)
      SELECT ${event.authorId}, ${event.reviewerId}, 1, ${event.now} WHERE ${event.happened}
      ON CONFLICT (author_id, reviewer_id) DO UPDATE SET reviews = reviews + 1, last_at = excluded.last_at`),
  ];
}

/**
 * A moderator removed a review: what reviewCounted and helpfulCounted added
 * for it is taken back. A pair's tally falls to the time of their last review
 * still standing, and goes once none is left, so return-favours lists only
 * members with reviews that count.
 */
export function reviewUncounted(d1: D1Database, event: { reviewId: string; reviewerId: string; happened: SQL }) {
  const authorId = sql`(SELECT d.author_id FROM reviews r JOIN drafts d ON d.id = r.draft_id WHERE r.id = ${event.reviewId})`;
  const pair = sql`author_id = ${authorId} AND reviewer_id = ${event.reviewerId}`;
  return [
    statement(d1, sql`UPDATE members SET reviews_given = reviews_given - 1,
        helpful_reviews = helpful_reviews - (SELECT count(*) FROM reviews WHERE id = ${event.reviewId} AND helpful = 1)
      WHERE id = ${event.reviewerId} AND ${event.happened}`),
    statement(d1, sql`UPDATE members SET reviews_received = reviews_received - 1 WHERE id = ${authorId} AND ${event.happened}`),
    statement(d1, sql`UPDATE review_tallies SET reviews = reviews - 1,
        last_at = coalesce((SELECT max(r.created_at) FROM reviews r JOIN drafts d ON d.id = r.draft_id
          WHERE r.reviewer_id = ${event.reviewerId} AND d.author_id = review_tallies.author_id AND r.removed_at IS NULL), last_at)
      WHERE ${pair} AND ${event.happened}`),
    statement(d1, sql`DELETE FROM review_tallies WHERE ${pair} AND reviews = 0 AND ${event.happened}`),
  ];
}

/** The author rated a review helpful. */
export const helpfulCounted = (d1: D1Database, reviewerId: string, happened: SQL) =>
  statement(d1, sql`UPDATE members SET helpful_reviews = helpful_reviews + 1 WHERE id = ${reviewerId} AND ${happened}`);

/** A draft was posted. */
export const draftCounted = (d1: D1Database, authorId: string, happened: SQL) =>
  statement(d1, sql`UPDATE members SET drafts_posted = drafts_posted + 1 WHERE id = ${authorId} AND ${happened}`);
