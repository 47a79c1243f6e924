import { sql, type Column, type SQL } from 'drizzle-orm';

/**
 * THE block rule, written once: true while either member has blocked the
 * other. Both directions are one index probe each (the primary key and
 * `blocks_blocked`). Every place that keeps two members apart calls this:
 * the queue, draft visibility, claims, reviews, replies, invitations,
 * profiles, follows and the emails about followed writers.
 *
 * @example
 * sql`... WHERE NOT ${blockedBetween(memberId, sql`d.author_id`)}`
 */
export const blockedBetween = (a: string | SQL | Column, b: string | SQL | Column) =>
  sql`EXISTS (SELECT 1 FROM blocks bl WHERE (bl.blocker_id = ${a} AND bl.blocked_id = ${b}) OR (bl.blocker_id = ${b} AND bl.blocked_id = ${a}))`;
