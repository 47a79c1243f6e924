import { sql } from 'drizzle-orm';
import { statement } from '../db/statements';
import { blockedBetween } from './blocked-between';
import { recountFollowers } from './following';
import { otherMember } from './member-ref';

/** Follows a writer, idempotently; a block between them makes the writer unknown (404), in the read and in the write. */
export async function followMember(d1: D1Database, member: { id: string }, otherId: string, now: number) {
  const other = await otherMember(d1, member.id, otherId, 'follow');
  await d1.batch([
    statement(
      d1,
      sql`INSERT INTO follows (follower_id, followed_id, created_at)
        SELECT ${member.id}, ${other.id}, ${now} WHERE NOT ${blockedBetween(member.id, other.id)}
        ON CONFLICT DO NOTHING`,
    ),
    recountFollowers(d1, other.id),
  ]);
  return { member: other, following: true };
}

export async function unfollowMember(d1: D1Database, member: { id: string }, otherId: string) {
  const other = await otherMember(d1, member.id, otherId, 'unfollow', true);
  await d1.batch([
    statement(d1, sql`DELETE FROM follows WHERE follower_id = ${member.id} AND followed_id = ${other.id}`),
    recountFollowers(d1, other.id),
  ]);
  return { member: other, following: false };
}
