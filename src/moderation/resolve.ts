import { sql, type SQL } from 'drizzle-orm';
import { endSessionsOfSuspended } from '../auth/suspension';
import { refundEndedClaims } from '../claims/claims';
import { liveClaim } from '../claims/slots';
import { statement } from '../db/statements';
import type { Member, ModerationAction } from '../db/schema';
import { withdrawStatements } from '../drafts/drafts';
import { badRequest, notFound } from '../lib/errors';
import { newId } from '../lib/ids';
import { MINT, transferStatement } from '../ledger/transfer';
import type { Notifier } from '../email/notifier';
import { reportInContext, presentAdminReport, type ReportInContext } from './context';
import { moderationEmails } from './emails';
import { reviewUncounted } from '../relationships/profile-counters';

type Reporter = { reportId: string; id: string; email: string; name: string };

/**
 * The statements that take a subject away from everyone but moderators, each
 * acting only while `won` holds (this resolve is the one that resolved the report).
 * A removed review reopens its slot: the draft counts one review fewer (and
 * reopens if it had closed), and the review's price goes back into the draft's
 * escrow, clawed back from the reviewer as far as their balance allows and the
 * rest minted, keyed `moderation:<reportId>:…` so a replay moves nothing. On a
 * withdrawn draft that price goes on to the author, as the withdraw would have.
 * The profile counters and return-favour tally stop counting the review.
 */
function removeSubject(d1: D1Database, report: ReportInContext, won: SQL, now: number): D1PreparedStatement[] {
  const id = report.subjectId;
  const key = (part: string) => `moderation:${report.id}:${part}`;
  switch (report.subjectType) {
    case 'member':
      return [];
    case 'reply':
      return [statement(d1, sql`UPDATE replies SET removed_at = ${now} WHERE id = ${id} AND removed_at IS NULL AND ${won}`)];
    case 'draft':
      return [
        statement(d1, sql`UPDATE drafts SET removed_at = ${now} WHERE id = ${id} AND removed_at IS NULL AND ${won}`),
        ...withdrawStatements(d1, sql`d.id = ${id} AND ${won}`, now),
        // Nobody can finish a review of a removed draft: its live claims end now, refunded to its author.
        refundEndedClaims(d1, sql`c.draft_id = ${id} AND ${liveClaim(now)} AND ${won}`, now),
        statement(d1, sql`UPDATE claims AS c SET status = 'released', ended_at = ${now} WHERE c.draft_id = ${id} AND ${liveClaim(now)} AND ${won}`),
      ];
    case 'review': {
      const draftId = report.draftId!;
      const reviewerId = report.reviewerId!;
      const removedNow = sql`${won} AND EXISTS (SELECT 1 FROM reviews WHERE id = ${id} AND removed_at = ${now})`;
      return [
        statement(d1, sql`UPDATE reviews SET removed_at = ${now} WHERE id = ${id} AND removed_at IS NULL AND ${won}`),
        statement(d1, sql`UPDATE drafts SET reviews_received = reviews_received - 1,
            -- A closed draft reopens; one a moderator removed cannot, so it counts as withdrawn and the price goes to its author.
            status = CASE WHEN status = 'closed' THEN (CASE WHEN removed_at IS NULL THEN 'open' ELSE 'withdrawn' END) ELSE status END,
            ended_at = CASE WHEN status = 'closed' AND removed_at IS NULL THEN NULL ELSE ended_at END
          WHERE id = ${draftId} AND ${removedNow}`),
        // What the reviewer's balance cannot cover is minted: computed before the claw-back below moves anything.
        transferStatement(d1, {
          from: MINT,
          to: draftId,
          amount: sql`d.price_per_review - max(a.balance, 0)`,
          reason: 'adjustment',
          key: key('minted'),
          now,
          draftId,
          reviewId: id,
          source: sql`FROM drafts d JOIN accounts a ON a.id = ${reviewerId} WHERE d.id = ${draftId} AND ${removedNow} AND a.balance < d.price_per_review`,
        }),
        transferStatement(d1, {
          from: reviewerId,
          to: draftId,
          amount: sql`d.price_per_review - coalesce((SELECT amount FROM transfers WHERE reason_key = ${key('minted')}), 0)`,
          reason: 'adjustment',
          key: key('clawback'),
          now,
          draftId,
          reviewId: id,
          source: sql`FROM drafts d WHERE d.id = ${draftId} AND ${removedNow}
            AND d.price_per_review > coalesce((SELECT amount FROM transfers WHERE reason_key = ${key('minted')}), 0)`,
        }),
        transferStatement(d1, {
          from: draftId,
          to: sql`d.author_id`,
          amount: sql`d.price_per_review`,
          reason: 'refund',
          key: key('refund'),
          now,
          draftId,
          reviewId: id,
          source: sql`FROM drafts d WHERE d.id = ${draftId} AND d.status = 'withdrawn' AND ${removedNow}`,
        }),
        ...reviewUncounted(d1, { reviewId: id, reviewerId, happened: removedNow }),
      ];
    }
  }
}

/**
 * Suspends the member: no session, no sign-in (src/auth/suspension.ts), their
 * open drafts withdrawn with the usual refunds, their live claims released
 * (refunded to authors of drafts already withdrawn).
 */
function suspendMember(d1: D1Database, memberId: string, won: SQL, now: number): D1PreparedStatement[] {
  return [
    statement(d1, sql`UPDATE members SET suspended_at = ${now} WHERE id = ${memberId} AND suspended_at IS NULL AND ${won}`),
    ...endSessionsOfSuspended(d1, memberId),
    ...withdrawStatements(d1, sql`d.author_id = ${memberId} AND ${won}`, now),
    refundEndedClaims(d1, sql`c.reviewer_id = ${memberId} AND ${liveClaim(now)} AND ${won}`, now),
    statement(d1, sql`UPDATE claims AS c SET status = 'released', ended_at = ${now} WHERE c.reviewer_id = ${memberId} AND ${liveClaim(now)} AND ${won}`),
  ];
}

/**
 * Resolves a report (and every other open report of the same subject) with a
 * moderator's action and note, in ONE batch. The first statement moves the
 * report from open to resolved stamped with this action's id, and every later
 * statement acts only while the report carries that id: of two moderators
 * resolving at once, one acts and the other is answered with the outcome; a
 * retried resolve finds it resolved and moves nothing.
 */
export async function resolveReport(
  d1: D1Database,
  moderator: Member,
  reportId: string,
  input: { action: ModerationAction; note: string },
  now: number,
  notify: Notifier,
) {
  const [found, open] = await d1.batch([
    statement(d1, sql`${reportInContext} WHERE rp.id = ${reportId}`),
    statement(d1, sql`SELECT rp.id AS reportId, m.id, m.email, m.name FROM reports rp JOIN members m ON m.id = rp.reporter_id
      WHERE (rp.subject_type, rp.subject_id) = (SELECT subject_type, subject_id FROM reports WHERE id = ${reportId}) AND rp.status = 'open'`),
  ]);
  const report = found!.results[0] as ReportInContext | undefined;
  if (!report) throw notFound('That report');
  if (report.status === 'resolved') return presentAdminReport(report);
  if (input.action === 'remove' && report.subjectType === 'member') {
    throw badRequest('action_not_applicable', 'A member cannot be removed: suspend them, or dismiss the report.', { action: 'Choose suspend or dismiss.' });
  }

  const actionId = newId();
  const won = sql`EXISTS (SELECT 1 FROM reports WHERE id = ${reportId} AND action_id = ${actionId})`;
  const emails = await moderationEmails(d1, { report, reporters: open!.results as Reporter[], action: input.action, note: input.note, actionId, won, now });
  const results = await d1.batch([
    statement(d1, sql`UPDATE reports SET status = 'resolved', action_id = ${actionId}, resolved_at = ${now} WHERE id = ${reportId} AND status = 'open'`),
    statement(d1, sql`INSERT INTO moderation_actions (id, report_id, moderator_id, action, subject_type, subject_id, member_id, note, created_at)
      SELECT ${actionId}, ${reportId}, ${moderator.id}, ${input.action}, ${report.subjectType}, ${report.subjectId}, ${report.ownerId}, ${input.note}, ${now}
      WHERE ${won}`),
    // Everyone who reported the same subject is answered by this one decision.
    statement(d1, sql`UPDATE reports SET status = 'resolved', action_id = ${actionId}, resolved_at = ${now}
      WHERE subject_type = ${report.subjectType} AND subject_id = ${report.subjectId} AND status = 'open' AND ${won}`),
    ...(input.action === 'dismiss' ? [] : removeSubject(d1, report, won, now)),
    ...(input.action === 'suspend' ? suspendMember(d1, report.ownerId, won, now) : []),
    ...emails.map((email) => email.statement),
    statement(d1, sql`${reportInContext} WHERE rp.id = ${reportId}`),
  ]);
  if (results[0]!.meta.changes > 0) notify.queued(emails.map((email) => email.id));
  return presentAdminReport(results.at(-1)!.results[0] as ReportInContext);
}
