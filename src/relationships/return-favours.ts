import { sql } from 'drizzle-orm';
import { config } from '../config';
import { liveClaim } from '../claims/slots';
import { statement } from '../db/statements';
import { blockedBetween } from './blocked-between';
import { openDraftColumns, presentOpenDraft, type OpenDraftRow } from './profiles';

type TallyRow = { id: string; name: string; reviews: number };

/** The members who reviewed `memberId`'s drafts, most generous first (the review_tallies_generous index), no blocks. */
const generous = (memberId: string) =>
  sql`SELECT m.id, m.name, t.reviews FROM review_tallies t JOIN members m ON m.id = t.reviewer_id
    WHERE t.author_id = ${memberId} AND NOT ${blockedBetween(memberId, sql`t.reviewer_id`)}
    ORDER BY t.reviews DESC, t.last_at DESC LIMIT ${config.pagination.pageSize}`;

/**
 * "Return the favour": who reviewed the member's drafts, how many reviews
 * each gave, and their open drafts the member could claim now (a free slot,
 * not reviewed or claimed by them already). One batch of two reads whose rows
 * do not grow with the number of drafts in the database.
 */
export function returnFavoursStatements(d1: D1Database, memberId: string, now: number) {
  return [
    statement(d1, generous(memberId)),
    statement(
      d1,
      sql`SELECT * FROM (
          SELECT ${openDraftColumns(now, memberId)}, row_number() OVER (PARTITION BY d.author_id ORDER BY d.created_at DESC) AS n
          -- CROSS JOIN keeps this order: each generous reviewer's drafts through drafts_author, never a walk of every open draft.
          FROM (${generous(memberId)}) g CROSS JOIN drafts d ON d.author_id = g.id
          WHERE d.status = 'open'
            AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.draft_id = d.id AND r.reviewer_id = ${memberId})
            AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.draft_id = d.id AND c.reviewer_id = ${memberId} AND ${liveClaim(now)})
        ) WHERE free_slots > 0 AND n <= ${config.relationships.favourDraftsEach}`,
    ),
  ];
}

export function presentReturnFavours([tallies, drafts]: D1Result[]) {
  const open = (drafts!.results as OpenDraftRow[]).map((r) => ({ authorId: r.author_id, draft: presentOpenDraft(r) }));
  return {
    items: (tallies!.results as TallyRow[]).map((t) => ({
      member: { id: t.id, name: t.name },
      reviewsOfYours: t.reviews,
      drafts: open.filter((o) => o.authorId === t.id).map((o) => o.draft),
    })),
    nextCursor: null,
  };
}

export async function readReturnFavours(d1: D1Database, memberId: string, now: number) {
  return presentReturnFavours(await d1.batch(returnFavoursStatements(d1, memberId, now)));
}

export type ReturnFavours = ReturnType<typeof presentReturnFavours>;
