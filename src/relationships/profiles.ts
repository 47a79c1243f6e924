import { sql } from 'drizzle-orm';
import { config, type Genre } from '../config';
import { freeSlots } from '../claims/slots';
import { statement } from '../db/statements';
import { notFound } from '../lib/errors';
import { blockedBetween } from './blocked-between';
import { follows } from './following';

type ProfileRow = {
  id: string;
  name: string;
  bio: string;
  genres: string;
  created_at: number;
  reviews_given: number;
  helpful_reviews: number;
  reviews_received: number;
  drafts_posted: number;
  following: number;
};

export type OpenDraftRow = {
  id: string;
  author_id: string;
  title: string;
  genre: string;
  word_count: number;
  price_per_review: number;
  reviews_wanted: number;
  reviews_received: number;
  free_slots: number;
  created_at: number;
};

/** The columns of an open draft as profiles and "return the favour" list it, with what `viewerId` could take. */
export const openDraftColumns = (now: number, viewerId: string) =>
  sql`d.id, d.author_id, d.title, d.genre, d.word_count, d.price_per_review, d.reviews_wanted, d.reviews_received, d.created_at,
    ${freeSlots(now, viewerId)} AS free_slots`;

export function presentOpenDraft(r: OpenDraftRow) {
  return {
    id: r.id,
    title: r.title,
    genre: r.genre as Genre,
    wordCount: r.word_count,
    pays: r.price_per_review,
    reviewsWanted: r.reviews_wanted,
    reviewsReceived: r.reviews_received,
    freeSlots: r.free_slots,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/**
 * A member's profile, for another member (or themselves): one batch of two
 * indexed reads, the member row with its counters and their newest open
 * drafts, so it costs the same however much they have written. A block
 * between the two makes it a 404, as for no such member. `also` (a page's own
 * reads) rides in the same batch, its results handed back beside the profile.
 */
export async function readProfile(d1: D1Database, viewerId: string, memberId: string, now: number, also: D1PreparedStatement[] = []) {
  const [member, drafts, ...rest] = await d1.batch([
    statement(
      d1,
      sql`SELECT m.id, m.name, m.bio, m.genres, m.created_at, m.reviews_given, m.helpful_reviews, m.reviews_received, m.drafts_posted,
          ${follows(viewerId, sql`m.id`)} AS following
        FROM members m WHERE m.id = ${memberId} AND NOT ${blockedBetween(viewerId, sql`m.id`)}`,
    ),
    statement(
      d1,
      sql`SELECT ${openDraftColumns(now, viewerId)} FROM drafts d
        WHERE d.author_id = ${memberId} AND d.status = 'open' AND NOT ${blockedBetween(viewerId, memberId)}
        ORDER BY d.created_at DESC LIMIT ${config.relationships.profileOpenDrafts}`,
    ),
    ...also,
  ]);
  const row = member!.results[0] as ProfileRow | undefined;
  if (!row) throw notFound('That member');
  const profile = {
    id: row.id,
    name: row.name,
    bio: row.bio,
    genres: JSON.parse(row.genres) as Genre[],
    memberSince: new Date(row.created_at).toISOString(),
    stats: {
      reviewsGiven: row.reviews_given,
      helpfulReviews: row.helpful_reviews,
      reviewsReceived: row.reviews_received,
      draftsPosted: row.drafts_posted,
    },
    openDrafts: (drafts!.results as OpenDraftRow[]).map(presentOpenDraft),
    following: row.following === 1,
    isMe: row.id === viewerId,
  };
  return { profile, also: rest };
}

export type ProfileView = Awaited<ReturnType<typeof readProfile>>['profile'];

/** The viewer's own open drafts, newest first: what they could invite someone to. */
export const ownOpenDraftsStatement = (d1: D1Database, memberId: string) =>
  statement(
    d1,
    sql`SELECT d.id, d.title FROM drafts d WHERE d.author_id = ${memberId} AND d.status = 'open'
      ORDER BY d.created_at DESC LIMIT ${config.pagination.pageSize}`,
  );
