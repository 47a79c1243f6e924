import { sql, type SQL } from 'drizzle-orm';

/** `followerId` follows `followedId` (one primary-key probe). */
export const follows = (followerId: string | SQL, followedId: string | SQL) =>
  sql`EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = ${followerId} AND f.followed_id = ${followedId})`;
