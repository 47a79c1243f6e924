import { sql, type SQL } from 'drizzle-orm';
import { statement } from '../db/statements';

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
  word_count: number;
  price_per_review: number;
  reviews_wanted: number;
  reviews_received: number;
  status: 'open' | 'closed' | 'withdrawn';
  created_at: number;
  escrow: number;
  claimed: number;
};

/** Claims that hold a slot right now: an active claim past its expiry frees its slot at once. */
export const activeClaimsOf = (draftId: SQL, now: number) =>
  sql`(SELECT count(*) FROM claims c WHERE c.draft_id = ${draftId} AND c.status = 'active' AND c.expires_at > ${now})`;

export const draftColumns = (now: number) => sql`d.id, d.author_id, m.name AS author_name, m.email AS author_email, d.title, d.body, d.genre, d.note,
  d.word_count, d.price_per_review, d.reviews_wanted, d.reviews_received, d.status, d.created_at,
  coalesce(a.balance, 0) AS escrow, ${activeClaimsOf(sql`d.id`, now)} AS claimed`;

export const draftJoins = sql`FROM drafts d JOIN members m ON m.id = d.author_id LEFT JOIN accounts a ON a.id = d.id`;

export function selectDraft(d1: D1Database, draftId: string, now: number) {
  return statement(d1, sql`SELECT ${draftColumns(now)} ${draftJoins} WHERE d.id = ${draftId}`);
}

export async function findDraft(d1: D1Database, draftId: string, now: number): Promise<DraftRow | null> {
  return selectDraft(d1, draftId, now).first<DraftRow>();
}
