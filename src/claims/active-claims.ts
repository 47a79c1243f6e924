import { sql } from 'drizzle-orm';
import { statement } from '../db/statements';
import { liveClaim } from './slots';

/** A claim the member holds right now, with what finishing it pays. */
export type ActiveClaim = { id: string; draftId: string; title: string; pays: number; expiresAt: number };

/**
 * The member's live claims, soonest to end first. At most
 * `config.claims.maxActivePerReviewer` rows, read through the
 * (reviewer_id, status, expires_at) index. A statement, so a page can read
 * it in the same batch as the rest of what it shows.
 */
export function activeClaimsStatement(d1: D1Database, reviewerId: string, now: number): D1PreparedStatement {
  return statement(
    d1,
    sql`SELECT c.id, c.draft_id AS draftId, d.title, d.price_per_review AS pays, c.expires_at AS expiresAt
      FROM claims c JOIN drafts d ON d.id = c.draft_id
      WHERE c.reviewer_id = ${reviewerId} AND ${liveClaim(now)}
      ORDER BY c.expires_at, c.id`,
  );
}

export async function listActiveClaims(d1: D1Database, reviewerId: string, now: number): Promise<ActiveClaim[]> {
  const { results } = await activeClaimsStatement(d1, reviewerId, now).all<ActiveClaim>();
  return results;
}
