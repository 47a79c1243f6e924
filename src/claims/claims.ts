import { sql, type SQL } from 'drizzle-orm';
import { config } from '../config';
import { statement } from '../db/statements';
import type { Member } from '../db/schema';
import { activeClaimsOf, draftColumns, draftJoins, type DraftRow } from '../drafts/queries';
import { conflict, forbidden, notFound } from '../lib/errors';
import { newId } from '../lib/ids';
import { transferStatement } from '../ledger/transfer';

type ClaimRow = { id: string; draft_id: string; reviewer_id: string; status: 'active' | 'released' | 'used' | 'expired'; created_at: number; expires_at: number };

export function presentClaim(row: ClaimRow, now: number) {
  const lapsed = row.status === 'active' && row.expires_at <= now;
  return {
    id: row.id,
    draftId: row.draft_id,
    status: lapsed ? ('expired' as const) : row.status,
    createdAt: new Date(row.created_at).toISOString(),
    expiresAt: new Date(row.expires_at).toISOString(),
  };
}

/** Where the member stands with a draft, read with the draft itself in one statement. */
export type DraftForReviewer = DraftRow & { my_active_claims: number; my_claim_id: string | null; reviewed: number };

export function readDraftForReviewer(d1: D1Database, draftId: string, memberId: string, now: number) {
  return statement(
    d1,
    sql`SELECT ${draftColumns(now)},
        (SELECT count(*) FROM claims c WHERE c.reviewer_id = ${memberId} AND c.status = 'active' AND c.expires_at > ${now}) AS my_active_claims,
        (SELECT c.id FROM claims c WHERE c.draft_id = d.id AND c.reviewer_id = ${memberId} AND c.status = 'active' AND c.expires_at > ${now}) AS my_claim_id,
        EXISTS (SELECT 1 FROM reviews r WHERE r.draft_id = d.id AND r.reviewer_id = ${memberId}) AS reviewed
      ${draftJoins} WHERE d.id = ${draftId}`,
  ).first<DraftForReviewer>();
}

/** A slot is free when it is neither reviewed nor held by a live claim. */
export const hasFreeSlot = (draftId: string, now: number) =>
  sql`(SELECT d.reviews_wanted - d.reviews_received - ${activeClaimsOf(sql`d.id`, now)} FROM drafts d WHERE d.id = ${draftId}) > 0`;

/**
 * Reserves a review slot for 48 hours. The checks made on the read are only
 * for clear errors; the INSERT re-checks every one of them, so twenty members
 * racing for one slot get exactly one claim.
 */
export async function claimSlot(d1: D1Database, reviewer: Member, draftId: string, now: number) {
  const draft = await readDraftForReviewer(d1, draftId, reviewer.id, now);
  if (!draft || draft.status === 'withdrawn') throw notFound('That draft');
  if (draft.author_id === reviewer.id) throw forbidden('You cannot review your own draft.');
  if (draft.reviewed) throw conflict('already_reviewed', 'You have already reviewed this draft.');
  if (draft.my_claim_id) throw conflict('already_claimed', 'You already hold a claim on this draft.');
  if (draft.status !== 'open') throw conflict('no_free_slot', 'This draft has all the reviews it asked for.');
  if (draft.my_active_claims >= config.claims.maxActivePerReviewer) {
    throw conflict(
      'too_many_claims',
      `You hold ${config.claims.maxActivePerReviewer} claims already; submit or release one first.`,
    );
  }

  const id = newId();
  const expiresAt = now + config.claims.lifetimeMs;
  const [, inserted] = await d1.batch<ClaimRow>([
    // A lapsed claim of this reviewer still says 'active'; close it so the one-active-claim index allows a new one.
    statement(d1, sql`UPDATE claims SET status = 'expired', ended_at = ${now}
      WHERE draft_id = ${draftId} AND reviewer_id = ${reviewer.id} AND status = 'active' AND expires_at <= ${now}
        AND EXISTS (SELECT 1 FROM drafts WHERE id = ${draftId} AND status = 'open')`),
    statement(d1, sql`INSERT INTO claims (id, draft_id, reviewer_id, status, created_at, expires_at)
      SELECT ${id}, d.id, ${reviewer.id}, 'active', ${now}, ${expiresAt} FROM drafts d
      WHERE d.id = ${draftId} AND d.status = 'open' AND d.author_id <> ${reviewer.id}
        AND ${hasFreeSlot(draftId, now)}
        AND (SELECT count(*) FROM claims c WHERE c.reviewer_id = ${reviewer.id} AND c.status = 'active' AND c.expires_at > ${now}) < ${config.claims.maxActivePerReviewer}
        AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.draft_id = d.id AND r.reviewer_id = ${reviewer.id})
      ON CONFLICT DO NOTHING
      RETURNING *`),
  ]);
  const claim = inserted?.results[0];
  if (!claim) throw conflict('no_free_slot', 'Someone else just took the last free slot on this draft.');
  return presentClaim(claim, now);
}

/**
 * Refunds, to their draft's author, the claims matching `where` (aliases c, d)
 * that end unused on a withdrawn draft. Only a claim still live when the draft
 * was withdrawn kept its credit in escrow; one that had lapsed before was
 * refunded by the withdraw itself. Keyed by claim, so no claim is refunded twice.
 */
export const refundEndedClaims = (d1: D1Database, where: SQL, now: number) =>
  transferStatement(d1, {
    id: sql`lower(hex(randomblob(10)))`,
    from: sql`d.id`,
    to: sql`d.author_id`,
    amount: sql`d.price_per_review`,
    reason: 'refund',
    key: sql`'refund:claim:' || c.id`,
    now,
    draftId: sql`d.id`,
    claimId: sql`c.id`,
    source: sql`FROM claims c JOIN drafts d ON d.id = c.draft_id
      WHERE d.status = 'withdrawn' AND c.expires_at > d.ended_at AND ${where}`,
  });

/** Gives a slot back. Only the reviewer who holds the claim can. */
export async function releaseClaim(d1: D1Database, reviewer: Member, claimId: string, now: number) {
  const claim = await d1.prepare('SELECT * FROM claims WHERE id = ?').bind(claimId).first<ClaimRow>();
  if (!claim || claim.reviewer_id !== reviewer.id) throw notFound('That claim');
  if (claim.status !== 'active' || claim.expires_at <= now) {
    throw conflict('claim_not_active', 'This claim has already ended.');
  }
  const [released, , after] = await d1.batch<ClaimRow>([
    statement(d1, sql`UPDATE claims SET status = 'released', ended_at = ${now}
      WHERE id = ${claimId} AND reviewer_id = ${reviewer.id} AND status = 'active' AND expires_at > ${now}`),
    refundEndedClaims(d1, sql`c.id = ${claimId} AND c.status = 'released' AND c.ended_at = ${now}`, now),
    statement(d1, sql`SELECT * FROM claims WHERE id = ${claimId}`),
  ]);
  if (released!.meta.changes === 0) throw conflict('claim_not_active', 'This claim has already ended.');
  return presentClaim(after!.results[0]!, now);
}

/**
 * Cron: marks lapsed claims expired and refunds those on withdrawn drafts.
 * Queries already treat a lapsed claim as free; this only tidies and pays back.
 */
export async function expireLapsedClaims(d1: D1Database, now: number) {
  const [refunds, expired] = await d1.batch([
    refundEndedClaims(d1, sql`c.status = 'active' AND c.expires_at <= ${now}`, now),
    statement(d1, sql`UPDATE claims SET status = 'expired', ended_at = ${now} WHERE status = 'active' AND expires_at <= ${now}`),
  ]);
  return { expired: expired!.meta.changes, refunded: refunds!.meta.changes };
}
