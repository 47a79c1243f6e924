import { sql } from 'drizzle-orm';
import { config } from '../config';
import { statement } from '../db/statements';
import type { Member } from '../db/schema';
import { badRequest, notFound, tooManyRequests } from '../lib/errors';
import { newId } from '../lib/ids';
import { enforceRateLimit } from '../lib/rate-limit';
import type { CreateReportInput } from './schemas';
import { visibleSubjectOwner } from './subjects';

type ReportRow = {
  id: string;
  status: 'open' | 'resolved';
  subject_type: CreateReportInput['subject']['type'];
  subject_id: string;
  reason: CreateReportInput['reason'];
  details: string | null;
  created_at: number;
};

export function presentReport(row: ReportRow) {
  return {
    id: row.id,
    status: row.status,
    subject: { type: row.subject_type, id: row.subject_id },
    reason: row.reason,
    details: row.details,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export type ReportView = ReturnType<typeof presentReport>;

/** Reports the member filed in the window before `now`: one range of the (reporter_id, created_at) index. */
const recentReportsBy = (reporterId: string, now: number) =>
  sql`(SELECT count(*) FROM reports WHERE reporter_id = ${reporterId} AND created_at > ${now - config.safety.reportWindowMs})`;

/**
 * Files a report, after the REPORT_LIMITER binding's burst guard, in one batch: the INSERT happens only if the member can see the
 * subject, it is not their own, and they are under the hourly cap; the unique
 * (reporter, subject) index makes a repeat insert nothing. The reads after it
 * tell which of those held, so the answer is exact without a second round trip:
 * 201 new, 200 the existing report, 400 own content, 429 over the cap, 404 otherwise.
 */
export async function fileReport(d1: D1Database, limiter: RateLimit, reporter: Member, input: CreateReportInput, now: number) {
  await enforceRateLimit(limiter, reporter.id);
  const { type, id: subjectId } = input.subject;
  const owner = visibleSubjectOwner(type, subjectId, reporter.id, now);
  const id = newId();
  const [inserted, existing, visible, recent] = await d1.batch<ReportRow>([
    statement(d1, sql`INSERT INTO reports (id, reporter_id, subject_type, subject_id, subject_member_id, reason, details, created_at)
      SELECT ${id}, ${reporter.id}, ${type}, ${subjectId}, owner.owner_id, ${input.reason}, ${input.details || null}, ${now}
      FROM (${owner}) AS owner
      WHERE owner.owner_id <> ${reporter.id} AND ${recentReportsBy(reporter.id, now)} < ${config.safety.reportsPerWindow}
      ON CONFLICT (reporter_id, subject_type, subject_id) DO NOTHING
      RETURNING *`),
    statement(d1, sql`SELECT * FROM reports WHERE reporter_id = ${reporter.id} AND subject_type = ${type} AND subject_id = ${subjectId}`),
    statement(d1, owner),
    statement(d1, sql`SELECT ${recentReportsBy(reporter.id, now)} AS n`),
  ]);
  const created = inserted!.results[0];
  if (created) return { report: presentReport(created), created: true };
  const before = existing!.results[0];
  if (before) return { report: presentReport(before), created: false };
  const seen = visible!.results[0] as unknown as { owner_id: string } | undefined;
  if (!seen) throw notFound(`That ${type}`);
  if (seen.owner_id === reporter.id) throw badRequest('own_content', 'You cannot report your own writing or yourself.');
  if ((recent!.results[0] as unknown as { n: number }).n >= config.safety.reportsPerWindow) {
    throw tooManyRequests(Math.ceil(config.safety.reportWindowMs / 1000));
  }
  // Visible, not one's own, under the cap, and yet nothing inserted nor found: the subject vanished mid-batch.
  throw notFound(`That ${type}`);
}
