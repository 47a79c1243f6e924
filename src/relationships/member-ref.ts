import { sql } from 'drizzle-orm';
import { statement } from '../db/statements';
import { badRequest, notFound } from '../lib/errors';
import { blockedBetween } from './blocked-between';

/** Another member as relationships show them. */
export type MemberRef = { id: string; name: string };

/**
 * The member `otherId` as `viewerId` may see them: a 400 for oneself (`what`
 * says what cannot be done to oneself), a 404 for someone who does not exist
 * or with a block between them (unless `evenIfBlocked`, for unblocking).
 */
export async function otherMember(d1: D1Database, viewerId: string, otherId: string, what: string, evenIfBlocked = false): Promise<MemberRef> {
  if (otherId === viewerId) throw badRequest('not_yourself', `You cannot ${what} yourself.`, { memberId: `You cannot ${what} yourself.` });
  const row = await statement(
    d1,
    sql`SELECT m.id, m.name, ${blockedBetween(viewerId, sql`m.id`)} AS blocked FROM members m WHERE m.id = ${otherId}`,
  ).first<MemberRef & { blocked: number }>();
  if (!row || (row.blocked && !evenIfBlocked)) throw notFound('That member');
  return { id: row.id, name: row.name };
}
