import { sql, type SQL } from 'drizzle-orm';
import { statement } from '../db/statements';

/** `followerId` follows `followedId` (one primary-key probe). */
export const follows = (followerId: string | SQL, followedId: string | SQL) =>
  sql`EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = ${followerId} AND f.followed_id = ${followedId})`;

/** Recounts the followers of the given members (one index range each), for the batch that changed their follows. */
export const recountFollowers = (d1: D1Database, ...memberIds: string[]) =>
  statement(
    d1,
    sql`UPDATE members SET followers = (SELECT count(*) FROM follows f WHERE f.followed_id = members.id)
      WHERE id IN (${sql.join(memberIds.map((id) => sql`${id}`), sql`, `)})`,
  );
