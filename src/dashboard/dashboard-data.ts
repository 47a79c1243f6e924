import { activeClaimsStatement, type ActiveClaim } from '../claims/active-claims';
import type { SignedInMember } from '../db/schema';
import { ownDraftsPage, ownDraftsStatement } from '../drafts/drafts';
import type { DraftRow } from '../drafts/queries';
import { invitationsPage, invitationsStatement, type InvitationRow } from '../relationships/invitations';
import { memberListPage, memberListStatement, type MemberListRow } from '../relationships/member-lists';
import { presentReturnFavours, returnFavoursStatements } from '../relationships/return-favours';
import { reviewsWrittenStatement, writtenReviewsPage, type WrittenReview } from '../reviews/written-reviews';

/**
 * What the dashboard shows, read in one batch: one D1 round trip for the
 * member's drafts, live claims, a page of their reviews, the writers they
 * follow, invitations received and sent, and whom to return the favour to.
 */
export async function readDashboard(d1: D1Database, member: SignedInMember, now: number, reviewsCursor?: string) {
  const [drafts, claims, reviews, following, received, sent, ...favours] = await d1.batch([
    ownDraftsStatement(d1, member.id, undefined, now),
    activeClaimsStatement(d1, member.id, now),
    reviewsWrittenStatement(d1, member.id, reviewsCursor),
    memberListStatement(d1, 'following', member.id),
    invitationsStatement(d1, member.id, 'received'),
    invitationsStatement(d1, member.id, 'sent'),
    ...returnFavoursStatements(d1, member.id, now),
  ]);
  return {
    drafts: ownDraftsPage(drafts!.results as DraftRow[], member.id),
    claims: claims!.results as ActiveClaim[],
    reviews: writtenReviewsPage(reviews!.results as WrittenReview[]),
    following: memberListPage(following!.results as MemberListRow[]),
    invitations: {
      received: invitationsPage(received!.results as InvitationRow[], now),
      sent: invitationsPage(sent!.results as InvitationRow[], now),
    },
    favours: presentReturnFavours(favours),
  };
}
