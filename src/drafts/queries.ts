import { sql } from 'drizzle-orm';
import { freeSlots, liveClaimIdOf, liveClaimsOn } from '../claims/slots';
import { statement } from '../db/statements';
import { blockedBetween } from '../relationships/blocked-between';

/** A draft row with what every view of it needs, in one read. */
export type DraftRow = {
  id: string;
  author_id: string;
  author_name: string;
  author_email: string;
  title: string;
  body: string;
  genre: string;
  note: string | null;
  word_count: number;
  price_per_review: number;
  reviews_wanted: number;
  reviews_received: number;
  status: 'open' | 'closed' | 'withdrawn';
  created_at: number;
  escrow: number;
  claimed: number;
  free_slots: number;
};

/**
 * Who may see the draft aliased `d`: its author, and a member whose review it
 * holds (a review stays readable to its writer, block or not); every other
 * member unless a block stands between them and the author, while it is open
 * or closed, and once withdrawn only one finishing a live claim. Everyone else
 * is told it does not exist.
 */
export const draftVisibleTo = (viewerId: string, now: number) => sql`(d.author_id = ${viewerId}
  OR EXISTS (SELECT 1 FROM reviews r WHERE r.draft_id = d.id AND r.reviewer_id = ${viewerId})
  OR (NOT ${blockedBetween(viewerId, sql`d.author_id`)}
    AND (d.status <> 'withdrawn' OR ${liveClaimIdOf(viewerId, sql`d.id`, now)} IS NOT NULL)))`;

/** `free_slots` is what `viewerId` could take (a slot held for them counts as free to them). */
export const draftColumns = (now: number, viewerId?: string) => sql`d.id, d.author_id, m.name AS author_name, m.email AS author_email, d.title, d.body, d.genre, d.note,
  d.word_count, d.price_per_review, d.reviews_wanted, d.reviews_received, d.status, d.created_at,
  coalesce(a.balance, 0) AS escrow, ${liveClaimsOn(sql`d.id`, now)} AS claimed, ${freeSlots(now, viewerId)} AS free_slots`;

export const draftJoins = sql`FROM drafts d JOIN members m ON m.id = d.author_id LEFT JOIN accounts a ON a.id = d.id`;

/** The draft, whoever asks: for its author's own writes and read-backs. */
export function selectDraft(d1: D1Database, draftId: string, now: number) {
  return statement(d1, sql`SELECT ${draftColumns(now)} ${draftJoins} WHERE d.id = ${draftId}`);
}

/** The draft if `viewerId` may see it (draftVisibleTo); no row otherwise. */
export function selectVisibleDraft(d1: D1Database, draftId: string, viewerId: string, now: number) {
  return statement(d1, sql`SELECT ${draftColumns(now, viewerId)} ${draftJoins} WHERE d.id = ${draftId} AND ${draftVisibleTo(viewerId, now)}`);
}

export async function findVisibleDraft(d1: D1Database, draftId: string, viewerId: string, now: number): Promise<DraftRow | null> {
  return selectVisibleDraft(d1, draftId, viewerId, now).first<DraftRow>();
}

/** A visible draft with where the member stands with it as a reviewer, in one statement. */
export type DraftForReviewer = DraftRow & { my_claim_id: string | null; reviewed: number };

export function readDraftForReviewer(d1: D1Database, draftId: string, memberId: string, now: number) {
  return statement(
    d1,
    sql`SELECT ${draftColumns(now, memberId)}, ${liveClaimIdOf(memberId, sql`d.id`, now)} AS my_claim_id,
        EXISTS (SELECT 1 FROM reviews r WHERE r.draft_id = d.id AND r.reviewer_id = ${memberId}) AS reviewed
      ${draftJoins} WHERE d.id = ${draftId} AND ${draftVisibleTo(memberId, now)}`,
  ).first<DraftForReviewer>();
}
