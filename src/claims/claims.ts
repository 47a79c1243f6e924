import { sql, type SQL } from 'drizzle-orm';
import { config } from '../config';
import { statement } from '../db/statements';
import type { Member } from '../db/schema';
import { conflict, forbidden, notFound } from '../lib/errors';
import { newId } from '../lib/ids';
import { transferStatement } from '../ledger/transfer';
import { blockedBetween } from '../relationships/blocked-between';
import { freeSlots, hasFreeSlot, isLiveClaim, lapsedClaim, liveClaim, liveClaimIdOf, liveClaimsHeldBy, unclaimedSlots } from './slots';
import { useHoldStatement } from '../works/returning-readers';

type ClaimRow = { id: string; draft_id: string; reviewer_id: string; status: 'active' | 'released' | 'used' | 'expired'; created_at: number; expires_at: number };

export function presentClaim(row: ClaimRow, now: number) {
  const lapsed = row.status === 'active' && !isLiveClaim(row, now);
  return {
    id: row.id,
    draftId: row.draft_id,
    status: lapsed ? ('expired' as const) : row.status,
    createdAt: new Date(row.created_at).toISOString(),
    expiresAt: new Date(row.expires_at).toISOString(),
  };
}

/** What claiming needs to know of a draft and where the member stands with it, in one statement. */
type ClaimTarget = {
  status: 'open' | 'closed' | 'withdrawn';
  blocked: number;
  author_id: string;
  my_active_claims: number;
  my_claim_id: string | null;
  reviewed: number;
  free_for_me: number;
  unclaimed: number;
};

function readClaimTarget(d1: D1Database, draftId: string, memberId: string, now: number) {
  return statement(
    d1,
    sql`SELECT d.status, d.author_id, ${blockedBetween(memberId, sql`d.author_id`)} AS blocked, ${liveClaimsHeldBy(memberId, now)} AS my_active_claims,
        ${liveClaimIdOf(memberId, sql`d.id`, now)} AS my_claim_id,
        EXISTS (SELECT 1 FROM reviews r WHERE r.draft_id = d.id AND r.reviewer_id = ${memberId}) AS reviewed,
        ${freeSlots(now, memberId)} AS free_for_me, ${unclaimedSlots(now)} AS unclaimed
      FROM drafts d WHERE d.id = ${draftId}`,
  ).first<ClaimTarget>();
}

const slotHeld = () =>
  conflict('slot_held', 'The free slots of this draft are held for its returning readers for now; try again in a day, or pick another draft.');

/**
 * Reserves a review slot for `config.claims.lifetimeMs`. The checks made on the read are only
 * for clear errors; the INSERT re-checks every one of them, so twenty members
 * racing for one slot get exactly one claim.
 */
export async function claimSlot(d1: D1Database, reviewer: Member, draftId: string, now: number) {
  const draft = await readClaimTarget(d1, draftId, reviewer.id, now);
  if (!draft || draft.status === 'withdrawn' || draft.blocked) throw notFound('That draft');
  if (draft.author_id === reviewer.id) throw forbidden('You cannot review your own draft.');
  if (draft.reviewed) throw conflict('already_reviewed', 'You have already reviewed this draft.');
  if (draft.my_claim_id) throw conflict('already_claimed', 'You already hold a claim on this draft.');
  if (draft.status !== 'open') throw conflict('no_free_slot', 'This draft has all the reviews it asked for.');
  if (draft.my_active_claims >= config.claims.maxActivePerReviewer) throw tooManyClaims();

  if (draft.free_for_me <= 0 && draft.unclaimed > 0) throw slotHeld();

  const id = newId();
  const [, inserted] = await d1.batch<ClaimRow>(claimStatements(d1, reviewer.id, draftId, id, now));
  const claim = inserted?.results[0];
  if (!claim) throw conflict('no_free_slot', 'Someone else just took the last free slot on this draft.');
  return presentClaim(claim, now);
}

export const tooManyClaims = () =>
  conflict('too_many_claims', `You hold ${config.claims.maxActivePerReviewer} claims already; submit or release one first.`);

/**
 * The statements that take a slot for `reviewerId` as claim `id`, re-checking
 * every rule (open, not theirs, a slot free for them, under the claim limit,
 * not reviewed, no block), then use any invitation holding a slot for them.
 * The second statement RETURNs the claim, or nothing. `also` narrows it
 * further (accepting an invitation: that invitation is still live).
 */
export function claimStatements(d1: D1Database, reviewerId: string, draftId: string, id: string, now: number, also: SQL = sql`1`) {
  const expiresAt = now + config.claims.lifetimeMs;
  return [
    // A lapsed claim of this reviewer still says 'active'; close it so the one-active-claim index allows a new one.
    statement(d1, sql`UPDATE claims AS c SET status = 'expired', ended_at = ${now}
      WHERE c.draft_id = ${draftId} AND c.reviewer_id = ${reviewerId} AND ${lapsedClaim(now)}
        AND EXISTS (SELECT 1 FROM drafts WHERE id = ${draftId} AND status = 'open')`),
    statement(d1, sql`INSERT INTO claims (id, draft_id, reviewer_id, status, created_at, expires_at)
      SELECT ${id}, d.id, ${reviewerId}, 'active', ${now}, ${expiresAt} FROM drafts d
      WHERE d.id = ${draftId} AND d.status = 'open' AND d.author_id <> ${reviewerId}
        AND ${hasFreeSlot(draftId, now, reviewerId)}
        AND ${liveClaimsHeldBy(reviewerId, now)} < ${config.claims.maxActivePerReviewer}
        AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.draft_id = d.id AND r.reviewer_id = ${reviewerId})
        AND NOT ${blockedBetween(reviewerId, sql`d.author_id`)}
        AND ${also}
      ON CONFLICT DO NOTHING
      RETURNING *`),
    // A member claiming a slot held for them uses their hold.
    statement(d1, sql`UPDATE invitations SET status = 'accepted', claim_id = ${id}, ended_at = ${now}
      WHERE draft_id = ${draftId} AND invitee_id = ${reviewerId} AND status = 'pending' AND expires_at > ${now}
        AND EXISTS (SELECT 1 FROM claims WHERE id = ${id})`),
    // A returning reader's claim takes their held slot.
    useHoldStatement(d1, draftId, reviewerId, sql`EXISTS (SELECT 1 FROM claims WHERE id = ${id})`, now),
  ];
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
  const claim = await statement(d1, sql`SELECT * FROM claims WHERE id = ${claimId}`).first<ClaimRow>();
  if (!claim || claim.reviewer_id !== reviewer.id) throw notFound('That claim');
  if (!isLiveClaim(claim, now)) {
    throw conflict('claim_not_active', 'This claim has already ended.');
  }
  const [released, , after] = await d1.batch<ClaimRow>([
    statement(d1, sql`UPDATE claims AS c SET status = 'released', ended_at = ${now}
      WHERE c.id = ${claimId} AND c.reviewer_id = ${reviewer.id} AND ${liveClaim(now)}`),
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
    refundEndedClaims(d1, lapsedClaim(now), now),
    statement(d1, sql`UPDATE claims AS c SET status = 'expired', ended_at = ${now} WHERE ${lapsedClaim(now)}`),
  ]);
  return { expired: expired!.meta.changes, refunded: refunds!.meta.changes };
}
