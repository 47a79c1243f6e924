import { sql, type SQL } from 'drizzle-orm';
import { returningHoldsAgainst } from '../works/returning-readers';
import { invitationHoldsOn } from '../relationships/invitation-holds';

/*
 * The slot rules, each written once. A draft wants N reviews; each slot is
 * reviewed, held by a live claim, held for someone (an invitation), or free.
 * A claim is live while it is active and before its expiry: a lapsed claim
 * frees its slot at once, before the cron gets round to marking it expired.
 */

/** The claims row aliased `c` is live. */
export const liveClaim = (now: number) => sql`c.status = 'active' AND c.expires_at > ${now}`;

/** The claims row aliased `c` has lapsed but is not yet marked: still 'active', past its expiry. */
export const lapsedClaim = (now: number) => sql`c.status = 'active' AND c.expires_at <= ${now}`;

/** `liveClaim` for a claim already read. */
export const isLiveClaim = (claim: { status: string; expires_at: number }, now: number) =>
  claim.status === 'active' && claim.expires_at > now;

/** How many live claims hold slots of the draft `draftId` (an SQL expression, e.g. sql`d.id`). */
export const liveClaimsOn = (draftId: SQL, now: number) =>
  sql`(SELECT count(*) FROM claims c WHERE c.draft_id = ${draftId} AND ${liveClaim(now)})`;

/** How many live claims the member holds, over every draft. */
export const liveClaimsHeldBy = (reviewerId: string, now: number) =>
  sql`(SELECT count(*) FROM claims c WHERE c.reviewer_id = ${reviewerId} AND ${liveClaim(now)})`;

/** The id of the member's live claim on the draft `draftId`, or NULL. */
export const liveClaimIdOf = (reviewerId: string, draftId: SQL, now: number) =>
  sql`(SELECT c.id FROM claims c WHERE c.draft_id = ${draftId} AND c.reviewer_id = ${reviewerId} AND ${liveClaim(now)})`;

/**

 * THE free-slot rule. Free slots of the draft aliased `d` for `viewerId`:
 * none once it is not open; else wanted − reviewed − live claims − live holds
 * of others: returning readers' (src/works/returning-readers.ts) and pending
 * invitations' (src/relationships/invitation-holds.ts); a slot held for the
 * viewer is theirs to take. With no viewer (null), every hold counts: what
 * anyone else could take.
 */
export const freeSlots = (now: number, viewerId: string | null = null) =>
  sql`(CASE WHEN d.status = 'open' THEN max(0, ${unreviewedUnclaimed(now)} - ${returningHoldsAgainst(sql`d.id`, viewerId, now)}
    - ${invitationHoldsOn(sql`d.id`, now, viewerId ?? undefined)}) ELSE 0 END)`;

const unreviewedUnclaimed = (now: number) => sql`d.reviews_wanted - d.reviews_received - ${liveClaimsOn(sql`d.id`, now)}`;

/** Slots neither reviewed nor claimed, held or not: what tells a slot_held refusal apart from a full draft. */
export const unclaimedSlots = (now: number) => sql`(CASE WHEN d.status = 'open' THEN max(0, ${unreviewedUnclaimed(now)}) ELSE 0 END)`;

/** The draft `draftId` has a slot free for `viewerId` (freeSlots). */
export const hasFreeSlot = (draftId: string, now: number, viewerId: string | null = null) =>
  sql`(SELECT ${freeSlots(now, viewerId)} FROM drafts d WHERE d.id = ${draftId}) > 0`;
