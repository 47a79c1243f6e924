import { activeClaimsStatement, type ActiveClaim } from '../claims/active-claims';
import type { Member } from '../db/schema';
import { notFound } from '../lib/errors';
import { presentReviewsWithHtml, readableReviews, reviewStatements } from '../reviews/queries';
import { storedParagraphs } from '../lib/stored-html';
import { presentDraft } from '../drafts/present';
import { selectVisibleDraft, type DraftRow } from '../drafts/queries';
import { draftContextStatements, presentDraftContext } from '../works/draft-context';

/**
 * What the draft page shows, in one batch (one D1 round trip): the draft, the
 * reviews this viewer may read with their inline comments and replies (all of
 * them for the author, their own for a reviewer, none for anyone else), each
 * text with the HTML stored when it was written, and the viewer's claim on it. Only for a viewer who may see it (draftVisibleTo).
 */
export async function readDraftPage(d1: D1Database, viewer: Member, draftId: string, now: number) {
  const [draft, reviews, inline, replies, claims, ...context] = await d1.batch([
    selectVisibleDraft(d1, draftId, viewer.id, now, { paragraphs: true }),
    ...reviewStatements(d1, readableReviews(draftId, viewer.id)),
    activeClaimsStatement(d1, viewer.id, now),
    ...draftContextStatements(d1, draftId, viewer.id, now),
  ]);
  const row = draft!.results[0] as DraftRow | undefined;
  if (!row) throw notFound('That draft');
  const isMine = row.author_id === viewer.id;
  return {
    draft: presentDraft(row, viewer.id),
    paragraphs: storedParagraphs(row.paragraphs_html, row.body),
    reviews: presentReviewsWithHtml([reviews!, inline!, replies!]),
    claim: isMine ? null : ((claims!.results as ActiveClaim[]).find((claim) => claim.draftId === draftId) ?? null),
    context: presentDraftContext(context, row.body),
  };
}
