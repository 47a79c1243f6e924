import { sql } from 'drizzle-orm';
import { config } from '../config';
import { statement } from '../db/statements';
import { decodeCursor, paginate } from '../lib/cursor';
import { presentAdminReport, reportInContext, type ReportInContext } from './context';

/**
 * A page of reports: open ones oldest first (the longest waiting on top),
 * resolved ones newest first, each walking its (status, time, id) index from the cursor.
 */
export function reportsPageStatement(d1: D1Database, status: 'open' | 'resolved', cursor: string | undefined) {
  const after = cursor ? decodeCursor<[number, string]>(cursor, ['number', 'string']) : null;
  const size = config.pagination.pageSize + 1;
  return status === 'open'
    ? statement(d1, sql`${reportInContext} WHERE rp.status = 'open' ${after ? sql`AND (rp.created_at, rp.id) > (${after[0]}, ${after[1]})` : sql``}
        ORDER BY rp.created_at, rp.id LIMIT ${size}`)
    : statement(d1, sql`${reportInContext} WHERE rp.status = 'resolved' ${after ? sql`AND (rp.resolved_at, rp.id) < (${after[0]}, ${after[1]})` : sql``}
        ORDER BY rp.resolved_at DESC, rp.id DESC LIMIT ${size}`);
}

export function reportsPage(rows: ReportInContext[], status: 'open' | 'resolved') {
  const { items, nextCursor } = paginate(rows, config.pagination.pageSize, (r) => [status === 'open' ? r.createdAt : r.resolvedAt!, r.id]);
  return { items: items.map(presentAdminReport), nextCursor };
}

export async function listReports(d1: D1Database, status: 'open' | 'resolved', cursor: string | undefined) {
  const { results } = await reportsPageStatement(d1, status, cursor).all<ReportInContext>();
  return reportsPage(results, status);
}

export type LoggedAction = {
  seq: number;
  action: 'dismiss' | 'remove' | 'suspend';
  subjectType: string;
  subjectId: string;
  memberName: string;
  moderatorName: string;
  note: string;
  createdAt: number;
};

/** The moderation log, newest first, a page from the cursor (a seq). */
export function moderationLogStatement(d1: D1Database, before: number | null) {
  return statement(
    d1,
    sql`SELECT ma.seq, ma.action, ma.subject_type AS subjectType, ma.subject_id AS subjectId, m.name AS memberName,
        mo.name AS moderatorName, ma.note, ma.created_at AS createdAt
      FROM moderation_actions ma JOIN members m ON m.id = ma.member_id JOIN members mo ON mo.id = ma.moderator_id
      ${before === null ? sql`` : sql`WHERE ma.seq < ${before}`}
      ORDER BY ma.seq DESC LIMIT ${config.pagination.pageSize + 1}`,
  );
}

/**
 * What moderators did about a member, for that member's data export: the
 * action, when, on what, and the note, without the moderator's identity
 * (a moderator's name given to the member acted on invites harassment of them).
 */
export function actionsAboutMemberStatement(d1: D1Database, memberId: string) {
  return statement(
    d1,
    sql`SELECT action, subject_type AS subjectType, subject_id AS subjectId, note, created_at AS createdAt
      FROM moderation_actions WHERE member_id = ${memberId} ORDER BY seq`,
  );
}
