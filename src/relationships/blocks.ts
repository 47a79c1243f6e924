import { sql } from 'drizzle-orm';
import { refundEndedClaims } from '../claims/claims';
import { liveClaim } from '../claims/slots';
import { statement } from '../db/statements';
import { recountFollowers } from './following';
import { liveInvitation } from './invitation-holds';
import { otherMember } from './member-ref';

/** Claims aliased `c` (with their draft `d`) that join the two members as reviewer and author, either way round. */
const claimBetween = (a: string, b: string) =>
  sql`((c.reviewer_id = ${a} AND d.author_id = ${b}) OR (c.reviewer_id = ${b} AND d.author_id = ${a}))`;

/**
 * Blocks `otherId` for `member`, idempotently, and in the same batch ends
 * what joins them: live claims either way are released (refunded as usual if
 * their draft was withdrawn), pending invitations either way cancelled, and
 * follows either way removed. The block rule itself (blocked-between.ts)
 * keeps anything new from joining them again.
 */
export async function blockMember(d1: D1Database, member: { id: string }, otherId: string, now: number) {
  const other = await otherMember(d1, member.id, otherId, 'block', true);
  const ended = sql`c.status = 'released' AND c.ended_at = ${now} AND ${claimBetween(member.id, other.id)}`;
  await d1.batch([
    statement(d1, sql`INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (${member.id}, ${other.id}, ${now}) ON CONFLICT DO NOTHING`),
    statement(d1, sql`UPDATE claims AS c SET status = 'released', ended_at = ${now}
      WHERE ${liveClaim(now)} AND c.id IN (SELECT c.id FROM claims c JOIN drafts d ON d.id = c.draft_id
        WHERE ${liveClaim(now)} AND ${claimBetween(member.id, other.id)})`),
    refundEndedClaims(d1, ended, now),
    statement(d1, sql`UPDATE invitations AS i SET status = 'cancelled', ended_at = ${now}
      WHERE ${liveInvitation(now)} AND ((i.inviter_id = ${member.id} AND i.invitee_id = ${other.id}) OR (i.inviter_id = ${other.id} AND i.invitee_id = ${member.id}))`),
    statement(d1, sql`DELETE FROM follows WHERE (follower_id = ${member.id} AND followed_id = ${other.id}) OR (follower_id = ${other.id} AND followed_id = ${member.id})`),
    recountFollowers(d1, member.id, other.id),
  ]);
  return { member: other, blocked: true };
}

/** Lifts the member's own block (a block the other made stays). */
export async function unblockMember(d1: D1Database, member: { id: string }, otherId: string) {
  const other = await otherMember(d1, member.id, otherId, 'unblock', true);
  await statement(d1, sql`DELETE FROM blocks WHERE blocker_id = ${member.id} AND blocked_id = ${other.id}`).run();
  return { member: other, blocked: false };
}
