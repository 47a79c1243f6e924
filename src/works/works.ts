import { sql, type SQL } from 'drizzle-orm';
import { config, type Genre } from '../config';
import { statement } from '../db/statements';
import type { Member } from '../db/schema';
import { decodeCursor, paginate } from '../lib/cursor';
import { notFound } from '../lib/errors';
import { newId } from '../lib/ids';
import type { CreateWorkInput } from './schemas';

type WorkRow = { id: string; author_id: string; author_name: string; title: string; genre: string; synopsis: string | null; content_notes: string; created_at: number };
type PartRow = { work_id: string; id: string; part: number; title: string; status: 'open' | 'closed' | 'withdrawn'; reviews_wanted: number; reviews_received: number; version: number };

const workColumns = sql`w.id, w.author_id, m.name AS author_name, w.title, w.genre, w.synopsis, w.content_notes, w.created_at
  FROM works w JOIN members m ON m.id = w.author_id`;

/**
 * The latest version of each part of the works matching `works` (a subquery of
 * work ids), in order: read through the (work_id, part, version) index, one row
 * per version, so a work's contents cost its own parts and no more.
 */
export const partsStatement = (d1: D1Database, works: SQL) =>
  statement(d1, sql`SELECT d.work_id, d.id, d.part, d.title, d.status, d.reviews_wanted, d.reviews_received, d.version
    FROM drafts d WHERE d.work_id IN (${works})
      AND NOT EXISTS (SELECT 1 FROM drafts n WHERE n.previous_version_id = d.id)
    ORDER BY d.work_id, d.part`);

export function presentWork(row: WorkRow, parts: PartRow[]) {
  return {
    id: row.id,
    title: row.title,
    genre: row.genre as Genre,
    synopsis: row.synopsis,
    contentNotes: JSON.parse(row.content_notes) as (typeof config.safety.contentNotes)[number][],
    author: { id: row.author_id, name: row.author_name },
    createdAt: new Date(row.created_at).toISOString(),
    parts: parts
      .filter((p) => p.work_id === row.id)
      .map((p) => ({
        id: p.id,
        part: p.part,
        title: p.title,
        status: p.status,
        reviewsWanted: p.reviews_wanted,
        reviewsReceived: p.reviews_received,
        version: p.version,
      })),
  };
}

export type WorkView = ReturnType<typeof presentWork>;

export async function createWork(d1: D1Database, author: Member, input: CreateWorkInput, now: number): Promise<WorkView> {
  const id = newId();
  const [, read] = await d1.batch([
    statement(d1, sql`INSERT INTO works (id, author_id, title, genre, synopsis, content_notes, created_at)
      VALUES (${id}, ${author.id}, ${input.title}, ${input.genre}, ${input.synopsis || null}, ${JSON.stringify([...new Set(input.contentNotes)])}, ${now})`),
    statement(d1, sql`SELECT ${workColumns} WHERE w.id = ${id}`),
  ]);
  return presentWork(read!.results[0] as WorkRow, []);
}

/** A work with its contents. Works are visible to every member, like the drafts they hold. */
export async function viewWork(d1: D1Database, workId: string): Promise<WorkView> {
  const [work, parts] = await d1.batch([
    statement(d1, sql`SELECT ${workColumns} WHERE w.id = ${workId}`),
    partsStatement(d1, sql`${workId}`),
  ]);
  const row = work!.results[0] as WorkRow | undefined;
  if (!row) throw notFound('That work');
  return presentWork(row, parts!.results as PartRow[]);
}

/** The member's works, newest first, each with its contents, through the (author_id, created_at) index. */
export async function listOwnWorks(d1: D1Database, author: Member, cursor: string | undefined) {
  const after = cursor ? decodeCursor<[number, string]>(cursor, ['number', 'string']) : null;
  const page = config.pagination.pageSize;
  const where = sql`w.author_id = ${author.id} ${after ? sql`AND (w.created_at, w.id) < (${after[0]}, ${after[1]})` : sql``}`;
  const [works, parts] = await d1.batch([
    statement(d1, sql`SELECT ${workColumns} WHERE ${where} ORDER BY w.created_at DESC, w.id DESC LIMIT ${page + 1}`),
    partsStatement(d1, sql`SELECT w.id FROM works w WHERE ${where} ORDER BY w.created_at DESC, w.id DESC LIMIT ${page}`),
  ]);
  const { items, nextCursor } = paginate(works!.results as WorkRow[], page, (r) => [r.created_at, r.id]);
  return { items: items.map((row) => presentWork(row, parts!.results as PartRow[])), nextCursor };
}
