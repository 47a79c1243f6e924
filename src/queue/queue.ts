import { sql } from 'drizzle-orm';
import { config, type Genre } from '../config';
import { statement } from '../db/statements';
import { decodeCursor, paginate } from '../lib/cursor';
import { excerpt } from '../lib/markdown';
import { freeSlots, liveClaim } from '../claims/slots';
import { blockedBetween } from '../relationships/blocked-between';
import { follows } from '../relationships/following';

type QueueRow = {
  id: string;
  author_id: string;
  author_name: string;
  title: string;
  body_start: string;
  genre: Genre;
  note: string | null;
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
 * Drafts the member can review now, fairest first: fewest reviews received
 * relative to wanted (the indexed `fairness` column), then oldest. Walks the
 * (status, [genre,] fairness, created_at, id) index from the cursor, so a page
 * costs the same however many drafts exist.
 */
export async function readQueue(d1: D1Database, memberId: string, filter: { genre?: Genre; cursor?: string }, now: number) {
  const after = filter.cursor ? decodeCursor<[number, number, string]>(filter.cursor, ['number', 'number', 'string']) : null;
  const page = config.pagination.pageSize;
  const { results } = await statement(
    d1,
    sql`SELECT d.id, d.author_id, m.name AS author_name, d.title, substr(d.body, 1, 600) AS body_start, d.genre, d.note,
        d.word_count, d.price_per_review, d.reviews_wanted, d.reviews_received, d.fairness, d.created_at,
        ${freeSlots(now, memberId)} AS free_slots, ${follows(memberId, sql`d.author_id`)} AS following
      FROM drafts d JOIN members m ON m.id = d.author_id
      WHERE d.status = 'open'
        ${filter.genre ? sql`AND d.genre = ${filter.genre}` : sql``}
        ${after ? sql`AND (d.fairness, d.created_at, d.id) > (${after[0]}, ${after[1]}, ${after[2]})` : sql``}
        AND d.author_id <> ${memberId}
        AND ${freeSlots(now, memberId)} > 0
        AND NOT ${blockedBetween(memberId, sql`d.author_id`)}
        AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.draft_id = d.id AND c.reviewer_id = ${memberId} AND ${liveClaim(now)})
        AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.draft_id = d.id AND r.reviewer_id = ${memberId})
      ORDER BY d.fairness, d.created_at, d.id
      LIMIT ${page + 1}`,
  ).all<QueueRow>();
  const { items, nextCursor } = paginate(results, page, (r) => [r.fairness, r.created_at, r.id]);
  return {
    items: items.map((r) => ({
      id: r.id,
      title: r.title,
      genre: r.genre,
      note: r.note,
      excerpt: excerpt(r.body_start),
      wordCount: r.word_count,
      pays: r.price_per_review,
      reviewsWanted: r.reviews_wanted,
      reviewsReceived: r.reviews_received,
      freeSlots: r.free_slots,
      createdAt: new Date(r.created_at).toISOString(),
      author: { id: r.author_id, name: r.author_name },
      following: r.following === 1,
    })),
    nextCursor,
  };
}
