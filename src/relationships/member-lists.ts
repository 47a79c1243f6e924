import { sql } from 'drizzle-orm';
import { config } from '../config';
import { statement } from '../db/statements';
import { decodeCursor, paginate } from '../lib/cursor';
import type { MemberRef } from './member-ref';

/** Where each list comes from: the member's rows of `blocks` or `follows`, and the column naming the other member. */
const lists = {
  blocks: { from: sql`blocks x`, owner: sql`x.blocker_id`, other: sql`x.blocked_id` },
  following: { from: sql`follows x`, owner: sql`x.follower_id`, other: sql`x.followed_id` },
} as const;

export type MemberListRow = { id: string; name: string; bio: string; created_at: number };

/**
 * A page of the members `memberId` has blocked or follows, newest first,
 * through the table's primary key. A statement, so a page can read it in its one batch.
 */
export function memberListStatement(d1: D1Database, list: keyof typeof lists, memberId: string, cursor?: string) {
  const { from, owner, other } = lists[list];
  const after = cursor ? decodeCursor<[number, string]>(cursor, ['number', 'string']) : null;
  return statement(
    d1,
    sql`SELECT m.id, m.name, m.bio, x.created_at FROM ${from} JOIN members m ON m.id = ${other}
      WHERE ${owner} = ${memberId} ${after ? sql`AND (x.created_at, m.id) < (${after[0]}, ${after[1]})` : sql``}
      ORDER BY x.created_at DESC, m.id DESC LIMIT ${config.pagination.pageSize + 1}`,
  );
}

/** Every member `memberId` has blocked or follows, oldest first: for their data export. */
export function allListedMembersStatement(d1: D1Database, list: keyof typeof lists, memberId: string) {
  const { from, owner, other } = lists[list];
  return statement(
    d1,
    sql`SELECT m.id, m.name, m.bio, x.created_at FROM ${from} JOIN members m ON m.id = ${other} WHERE ${owner} = ${memberId} ORDER BY x.created_at, m.id`,
  );
}

export const presentListedMember = (r: MemberListRow) => ({
  member: { id: r.id, name: r.name } satisfies MemberRef,
  bio: r.bio,
  since: new Date(r.created_at).toISOString(),
});

export function memberListPage(results: MemberListRow[]) {
  const { items, nextCursor } = paginate(results, config.pagination.pageSize, (r: MemberListRow) => [r.created_at, r.id]);
  return { items: items.map(presentListedMember), nextCursor };
}

export async function memberList(d1: D1Database, list: keyof typeof lists, memberId: string, cursor?: string) {
  const { results } = await memberListStatement(d1, list, memberId, cursor).all<MemberListRow>();
  return memberListPage(results);
}

export type MemberListPage = ReturnType<typeof memberListPage>;
