import { sql } from 'drizzle-orm';
import { statement } from '../db/statements';
import type { SignedInMember } from '../db/schema';
import { presentReviews, reviewStatements } from '../reviews/queries';
import { presentMember } from './present';
import { actionsAboutMemberStatement } from '../moderation/queries';
import { allListedMembersStatement, presentListedMember, type MemberListRow } from '../relationships/member-lists';
import { allInvitationsStatement, presentInvitation, type InvitationRow } from '../relationships/invitations';

/**
 * Everything a member wrote and owns, in one JSON document: profile, works,
 * drafts (withdrawn ones and every version too, with their questions), reviews written and received with their threads, every
 * reply, claims, the whole ledger, whom they follow and block, the invitations they sent and received, and what
 * moderators did about the member. Reads only, in one batch. Who follows them is the followers' own data, which the
 * app never shows them: the export counts them, as the member row does.
 */
export async function exportMemberData(d1: D1Database, member: SignedInMember, now: number) {
  const written = reviewStatements(d1, sql`r.reviewer_id = ${member.id}`);
  const received = reviewStatements(d1, sql`r.draft_id IN (SELECT id FROM drafts WHERE author_id = ${member.id})`);
  const [works, drafts, claims, ledger, replies, moderation, following, blocks, invitationsSent, invitationsReceived, ...reviews] = await d1.batch([
    statement(d1, sql`SELECT id, title, genre, synopsis, content_notes AS contentNotes, created_at AS createdAt
      FROM works WHERE author_id = ${member.id} ORDER BY created_at`),
    statement(d1, sql`SELECT id, title, genre, note, body, word_count AS wordCount, price_per_review AS pricePerReview,
        reviews_wanted AS reviewsWanted, reviews_received AS reviewsReceived, status, created_at AS createdAt, ended_at AS endedAt,
        questions, work_id AS workId, part, previously, version, previous_version_id AS previousVersionId
      FROM drafts WHERE author_id = ${member.id} ORDER BY created_at`),
    statement(d1, sql`SELECT id, draft_id AS draftId, status, created_at AS createdAt, expires_at AS expiresAt, ended_at AS endedAt
      FROM claims WHERE reviewer_id = ${member.id} ORDER BY created_at`),
    statement(d1, sql`SELECT id, reason, reason_key AS reasonKey, created_at AS createdAt, draft_id AS draftId, review_id AS reviewId, claim_id AS claimId,
        CASE WHEN to_account = ${member.id} THEN amount ELSE -amount END AS amount,
        CASE WHEN to_account = ${member.id} THEN to_balance_after ELSE from_balance_after END AS balanceAfter
      FROM transfers WHERE from_account = ${member.id} OR to_account = ${member.id} ORDER BY seq`),
    statement(d1, sql`SELECT id, review_id AS reviewId, body, created_at AS createdAt FROM replies WHERE author_id = ${member.id} ORDER BY created_at`),
    actionsAboutMemberStatement(d1, member.id),
    allListedMembersStatement(d1, 'following', member.id),
    allListedMembersStatement(d1, 'blocks', member.id),
    allInvitationsStatement(d1, member.id, 'sent'),
    allInvitationsStatement(d1, member.id, 'received'),
    ...written,
    ...received,
  ]);
  const iso = (ms: unknown) => (typeof ms === 'number' ? new Date(ms).toISOString() : null);
  const withDates = <T extends Record<string, unknown>>(rows: T[]) =>
    rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, k.endsWith('At') ? iso(v) : v])),
    );
  return {
    exportedAt: new Date(now).toISOString(),
    profile: presentMember(member),
    works: withDates(works!.results as Record<string, unknown>[]).map((w) => ({ ...w, contentNotes: JSON.parse(w.contentNotes as string) })),
    drafts: withDates(drafts!.results as Record<string, unknown>[]).map((d) => ({ ...d, questions: JSON.parse(d.questions as string) })),
    reviewsWritten: presentReviews(reviews.slice(0, written.length)),
    reviewsReceived: presentReviews(reviews.slice(written.length)),
    replies: withDates(replies!.results as Record<string, unknown>[]),
    claims: withDates(claims!.results as Record<string, unknown>[]),
    ledger: withDates(ledger!.results as Record<string, unknown>[]),
    moderationActions: withDates(moderation!.results as Record<string, unknown>[]),
    following: (following!.results as MemberListRow[]).map(presentListedMember),
    followerCount: member.followers,
    blocks: (blocks!.results as MemberListRow[]).map(presentListedMember),
    invitationsSent: (invitationsSent!.results as InvitationRow[]).map((r) => presentInvitation(r, now)),
    invitationsReceived: (invitationsReceived!.results as InvitationRow[]).map((r) => presentInvitation(r, now)),
  };
}
