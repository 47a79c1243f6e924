import { activeClaimsStatement, type ActiveClaim } from '../claims/active-claims';
import type { SignedInMember } from '../db/schema';
import { ownDraftsPage, ownDraftsStatement } from '../drafts/drafts';
import type { DraftRow } from '../drafts/queries';
import { reviewsWrittenStatement, writtenReviewsPage, type WrittenReview } from '../reviews/written-reviews';

/**
 * What the dashboard shows, read in one batch: one D1 round trip for the
 * member's drafts, live claims and a page of their reviews together.
 */
export async function readDashboard(d1: D1Database, member: SignedInMember, now: number, reviewsCursor?: string) {
  const [drafts, claims, reviews] = await d1.batch([
    ownDraftsStatement(d1, member.id, undefined, now),
    activeClaimsStatement(d1, member.id, now),
    reviewsWrittenStatement(d1, member.id, reviewsCursor),
  ]);
  return {
    drafts: ownDraftsPage(drafts!.results as DraftRow[], member.id),
    claims: claims!.results as ActiveClaim[],
    reviews: writtenReviewsPage(reviews!.results as WrittenReview[]),
  };
}
