import { sql } from 'drizzle-orm';
import { config, type Genre } from '../config';
import { statement } from '../db/statements';
import { decodeCursor, paginate } from '../lib/cursor';
import { freeSlots, liveClaim } from '../claims/slots';
import { heldForReader, notHeldForReader } from '../works/returning-readers';
import { carriesNoneOf, maskToNotes } from '../content-notes/content-notes';
import { blockedBetween } from '../relationships/blocked-between';
import { follows } from '../relationships/following';

type QueueRow = {
  id: string;
  author_id: string;
  author_name: string;
  title: string;
  excerpt: string;
  genre: Genre;
  note: string | null;
  content_notes: number;
  word_count: number;
  price_per_review: number;
  reviews_wanted: number;
  reviews_received: number;
  fairness: number;
  created_at: number;
  free_slots: number;
  following: number;
};

/**
 * Drafts the member can review now: first those held for them as a returning
 * reader (`returning: true`), then the rest fairest first: fewest reviews received
 * relative to wanted (the indexed `fairness` column), then oldest. Walks the
 * (status, [genre,] fairness, created_at, id) index from the cursor, so a page
 * costs the same however many drafts exist. The member's hidden content notes
 * are one AND on each row the walk reads (see content-notes.ts).
 */
export async function readQueue(
  d1: D1Database,
  memberId: string,
  filter: { genre?: Genre; cursor?: string },
  now: number,
) {
  const after = filter.cursor ? decodeCursor<[number, number, string]>(filter.cursor, ['number', 'number', 'string']) : null;
  const page = config.pagination.pageSize;
  // A draft the backfill has not reached yet shows the start of its source as plain text.
  const columns = sql`d.id, d.author_id, m.name AS author_name, d.title,
    coalesce(d.excerpt, substr(d.body, 1, ${config.drafts.excerptLength})) AS excerpt, d.genre, d.note, d.content_notes,
    d.word_count, d.price_per_review, d.reviews_wanted, d.reviews_received, d.fairness, d.created_at,
    ${freeSlots(now, memberId)} AS free_slots, ${follows(memberId, sql`d.author_id`)} AS following`;
  const reviewable = sql`d.status = 'open' AND d.author_id <> ${memberId}
    ${filter.genre ? sql`AND d.genre = ${filter.genre}` : sql``}
    AND ${carriesNoneOf(memberId)}
    AND ${freeSlots(now, memberId)} > 0
    AND NOT ${blockedBetween(memberId, sql`d.author_id`)}
    AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.draft_id = d.id AND c.reviewer_id = ${memberId} AND ${liveClaim(now)})
    AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.draft_id = d.id AND r.reviewer_id = ${memberId})`;
  const results = await d1.batch<QueueRow>([
    statement(
      d1,
      sql`SELECT ${columns}
      FROM drafts d JOIN members m ON m.id = d.author_id
      WHERE ${reviewable}
        ${after ? sql`AND (d.fairness, d.created_at, d.id) > (${after[0]}, ${after[1]}, ${after[2]})` : sql``}
        AND ${notHeldForReader(memberId, now)}
      ORDER BY d.fairness, d.created_at, d.id
      LIMIT ${page + 1}`,
    ),
    // "Continue reading": drafts held for this returning reader, on the first page only, soonest hold to end first.
    ...(after
      ? []
      : [
          statement(d1, sql`SELECT ${columns} FROM slot_holds h JOIN drafts d ON d.id = h.draft_id JOIN members m ON m.id = d.author_id
            WHERE ${heldForReader(memberId, now)} AND ${reviewable} ORDER BY h.expires_at, d.id`),
        ]),
  ]);
  const [rest, returning] = results;
  const { items, nextCursor } = paginate(rest!.results, page, (r) => [r.fairness, r.created_at, r.id]);
  const present = (returning: boolean) => (r: QueueRow) => ({
      returning,
      id: r.id,
      title: r.title,
      genre: r.genre,
      note: r.note,
      contentNotes: maskToNotes(r.content_notes),
      excerpt: r.excerpt,
      wordCount: r.word_count,
      pays: r.price_per_review,
      reviewsWanted: r.reviews_wanted,
      reviewsReceived: r.reviews_received,
      freeSlots: r.free_slots,
      createdAt: new Date(r.created_at).toISOString(),
      author: { id: r.author_id, name: r.author_name },
      following: r.following === 1,
    });
  return { items: [...(returning?.results ?? []).map(present(true)), ...items.map(present(false))], nextCursor };
}
