import { sql } from 'drizzle-orm';
import { freeSlots, liveClaimIdOf, liveClaimsOn } from '../claims/slots';
import { statement } from '../db/statements';
import { blockedBetween } from '../relationships/blocked-between';

/** The draft aliased `d` was not removed by a moderator. */
const notRemoved = sql`d.removed_at IS NULL`;

/** A draft row with what every view of it needs, in one read. */
export type DraftRow = {
  id: string;
  author_id: string;
  author_name: string;
  author_email: string;
  title: string;
  body: string;
  genre: string;
  note: string | null;
  content_notes: number;
  word_count: number;
  price_per_review: number;
  reviews_wanted: number;
  reviews_received: number;
  status: 'open' | 'closed' | 'withdrawn';
  created_at: number;
  escrow: number;
  claimed: number;
  free_slots: number;
  questions: string;
  work_id: string | null;
  work_title: string | null;
  part: number | null;
  previously: string | null;
  version: number;
  previous_version_id: string | null;
  original_id: string | null;
  next_version_id: string | null;
  /** Read only with `{ paragraphs: true }`, by the pages that show the text (see storedParagraphs). */
  paragraphs_html?: string | null;
};

/** `paragraphs`: also read the stored HTML of the draft's paragraphs, which only pages showing its text need. */
type DraftReadOptions = { paragraphs?: boolean };

const paragraphsColumn = (options: DraftReadOptions) => (options.paragraphs ? sql`, d.paragraphs_html` : sql``);

/**
/**
 * Who may see the draft aliased `d`: nobody once a moderator removed it; else
 * its author, and a member whose review it holds (a review stays readable to
 * its writer, block or not); every other member unless a block stands between
 * them and the author, while it is open or closed, and once withdrawn only one
 * finishing a live claim. Everyone else is told it does not exist.
 */
export const draftVisibleTo = (viewerId: string, now: number) => sql`(${notRemoved} AND (d.author_id = ${viewerId}
  OR EXISTS (SELECT 1 FROM reviews r WHERE r.draft_id = d.id AND r.reviewer_id = ${viewerId})
  OR (NOT ${blockedBetween(viewerId, sql`d.author_id`)}
    AND (d.status <> 'withdrawn' OR ${liveClaimIdOf(viewerId, sql`d.id`, now)} IS NOT NULL))))`;

/** `free_slots` is what `viewerId` could take (a slot held for them counts as free to them). */
export const draftColumns = (now: number, viewerId?: string) => sql`d.id, d.author_id, m.name AS author_name, m.email AS author_email, d.title, d.body, d.genre, d.note, d.content_notes,
  d.word_count, d.price_per_review, d.reviews_wanted, d.reviews_received, d.status, d.created_at,
  coalesce(a.balance, 0) AS escrow, ${liveClaimsOn(sql`d.id`, now)} AS claimed, ${freeSlots(now, viewerId ?? null)} AS free_slots,
  d.questions, d.work_id, w.title AS work_title, d.part, d.previously, d.version, d.previous_version_id, d.original_id,
  (SELECT n.id FROM drafts n WHERE n.previous_version_id = d.id) AS next_version_id`;

export const draftJoins = sql`FROM drafts d JOIN members m ON m.id = d.author_id LEFT JOIN accounts a ON a.id = d.id LEFT JOIN works w ON w.id = d.work_id`;

/** The draft, whoever asks: for its author's own writes and read-backs. */
export function selectDraft(d1: D1Database, draftId: string, now: number) {
  return statement(d1, sql`SELECT ${draftColumns(now)} ${draftJoins} WHERE d.id = ${draftId}`);
}

/** The draft if `viewerId` may see it (draftVisibleTo); no row otherwise. */
export function selectVisibleDraft(d1: D1Database, draftId: string, viewerId: string, now: number, options: DraftReadOptions = {}) {
  return statement(d1, sql`SELECT ${draftColumns(now, viewerId)}${paragraphsColumn(options)} ${draftJoins} WHERE d.id = ${draftId} AND ${draftVisibleTo(viewerId, now)}`);
}

export async function findVisibleDraft(d1: D1Database, draftId: string, viewerId: string, now: number): Promise<DraftRow | null> {
  return selectVisibleDraft(d1, draftId, viewerId, now).first<DraftRow>();
}

/** A visible draft with where the member stands with it as a reviewer, in one statement. */
export type DraftForReviewer = DraftRow & { my_claim_id: string | null; reviewed: number; free_for_me: number };

export function readDraftForReviewer(d1: D1Database, draftId: string, memberId: string, now: number, options: DraftReadOptions = {}) {
  return statement(
    d1,
    sql`SELECT ${draftColumns(now, memberId)}${paragraphsColumn(options)}, ${liveClaimIdOf(memberId, sql`d.id`, now)} AS my_claim_id, ${freeSlots(now, memberId)} AS free_for_me,
        EXISTS (SELECT 1 FROM reviews r WHERE r.draft_id = d.id AND r.reviewer_id = ${memberId}) AS reviewed
      ${draftJoins} WHERE d.id = ${draftId} AND ${draftVisibleTo(memberId, now)}`,
  ).first<DraftForReviewer>();
}
