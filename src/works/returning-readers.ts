import { sql, type SQL } from 'drizzle-orm';
import { config } from '../config';
import { statement } from '../db/statements';

/*
 * Held slots for returning readers: the works feature's term in the one
 * free-slot rule (src/claims/slots.ts). Kept free of imports from other
 * features so the claims rule can call it.
 */

/** The slot_holds row aliased `h` still holds its slot: unused, unreleased, unexpired. */
export const liveHold = (now: number) => sql`h.used_at IS NULL AND h.released_at IS NULL AND h.expires_at > ${now}`;

/** The id of `memberId`'s live hold on the draft `draftId`, or NULL. */
export const liveHoldIdOf = (memberId: string, draftId: SQL, now: number) =>
  sql`(SELECT h.id FROM slot_holds h WHERE h.draft_id = ${draftId} AND h.member_id = ${memberId} AND ${liveHold(now)})`;

/**
 * Slots of the draft `draftId` held against `viewerId` by returning readers.
 * A returning reader with a live hold may take any slot not reviewed or
 * claimed (readers share the held slots, first come first served); anyone
 * else, or nobody in particular (null, the author's count), finds every held
 * slot taken.
 */
export const returningHoldsAgainst = (draftId: SQL, viewerId: string | null, now: number) =>
  viewerId === null
    ? sql`(SELECT count(*) FROM slot_holds h WHERE h.draft_id = ${draftId} AND ${liveHold(now)})`
    : sql`(CASE WHEN ${liveHoldIdOf(viewerId, draftId, now)} IS NOT NULL THEN 0
        ELSE (SELECT count(*) FROM slot_holds h WHERE h.draft_id = ${draftId} AND ${liveHold(now)}) END)`;

/** Marks `memberId`'s live hold on the draft used, when `when` (their claim or review exists). */
export const useHoldStatement = (d1: D1Database, draftId: string, memberId: string, when: SQL, now: number) =>
  statement(d1, sql`UPDATE slot_holds AS h SET used_at = ${now}
    WHERE h.draft_id = ${draftId} AND h.member_id = ${memberId} AND ${liveHold(now)} AND ${when}`);

/** Cron: holds past their 24 hours end; queries already treat them as gone, this records when. */
export async function releaseLapsedHolds(d1: D1Database, now: number) {
  const { meta } = await statement(d1, sql`UPDATE slot_holds AS h SET released_at = ${now}
    WHERE h.used_at IS NULL AND h.released_at IS NULL AND h.expires_at <= ${now}`).run();
  return meta.changes;
}

/**
 * Returning readers of a new draft (DESIGN.md "Works in parts, and
 * revisions"): members who reviewed an earlier part of its work or an earlier
 * version of it. `beforePart` NULL means every part already posted is earlier
 * (a new part); a revision counts only the parts before its own. Each field
 * may be SQL, so a revision's readers are found in the same read as the draft.
 */
type Value = string | number | null | SQL;
export type NewDraftPlace = { draftId: string; authorId: string; workId: Value; beforePart: Value; originalId: Value };

export const returningReaderIds = (place: NewDraftPlace) => sql`SELECT DISTINCT r.reviewer_id FROM reviews r JOIN drafts p ON p.id = r.draft_id
  WHERE p.id <> ${place.draftId} AND r.reviewer_id <> ${place.authorId}
    AND ((p.work_id = ${place.workId} AND (${place.beforePart} IS NULL OR p.part < ${place.beforePart})) OR p.original_id = ${place.originalId})`;

/** The returning readers with what an email to them needs: one read before the posting batch. */
export const returningReadersStatement = (d1: D1Database, place: NewDraftPlace) =>
  statement(d1, sql`SELECT m.id, m.email, m.name FROM members m WHERE m.id IN (${returningReaderIds(place)}) ORDER BY m.id`);

/** In the posting batch: one held slot per returning reader, if the draft was posted. */
export const holdSlotsStatement = (d1: D1Database, place: NewDraftPlace, now: number) =>
  statement(d1, sql`INSERT INTO slot_holds (id, draft_id, member_id, created_at, expires_at)
    SELECT lower(hex(randomblob(10))), ${place.draftId}, reader.reviewer_id, ${now}, ${now + config.works.holdLifetimeMs}
    FROM (${returningReaderIds(place)}) AS reader
    WHERE EXISTS (SELECT 1 FROM drafts WHERE id = ${place.draftId})
    ON CONFLICT DO NOTHING`);

/** The member holds a slot on the draft, written in this batch: the condition of their email. */
export const holdWasMade = (draftId: string, memberId: string) =>
  sql`EXISTS (SELECT 1 FROM slot_holds WHERE draft_id = ${draftId} AND member_id = ${memberId})`;

/** The slot_holds row aliased `h` is the member's live hold: the queue's "Continue reading", through (member_id, expires_at). */
export const heldForReader = (memberId: string, now: number) => sql`h.member_id = ${memberId} AND ${liveHold(now)}`;

/** The draft aliased `d` is not held for the member (the rest of the queue, where it would otherwise repeat). */
export const notHeldForReader = (memberId: string, now: number) => sql`${liveHoldIdOf(memberId, sql`d.id`, now)} IS NULL`;
