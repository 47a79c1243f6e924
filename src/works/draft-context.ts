import { sql } from 'drizzle-orm';
import { statement } from '../db/statements';
import { draftVisibleTo } from '../drafts/queries';
import { splitParagraphs } from '../lib/text';
import { compareParagraphs } from './compare-paragraphs';
import { versionsStatement } from './revisions';

type VersionRow = { id: string; version: number; status: 'open' | 'closed' | 'withdrawn'; reviews_received: number; reviews_wanted: number; created_at: number };
type NeighbourRow = { id: string; part: number; title: string; side: 'previous' | 'next' };
export type PreviousRow = { id: string; body: string; visible: number };

/**
 * What a draft page shows of the draft's place among its versions and its
 * work's parts, as statements for the page's one batch: every version, the
 * previous and next parts (their latest versions, through the work's index),
 * and the previous version's text to compare.
 */
export function draftContextStatements(d1: D1Database, draftId: string, viewerId: string, now: number) {
  return [
    versionsStatement(d1, draftId),
    statement(d1, sql`SELECT d.id, d.part, d.title, CASE WHEN d.part < x.part THEN 'previous' ELSE 'next' END AS side
      FROM drafts x JOIN drafts d ON d.work_id = x.work_id AND d.part IN (x.part - 1, x.part + 1)
      WHERE x.id = ${draftId} AND NOT EXISTS (SELECT 1 FROM drafts n WHERE n.previous_version_id = d.id)`),
    previousVersionStatement(d1, draftId, viewerId, now),
  ];
}

/** The previous version's text, to compare with, and whether the viewer may see it (only then is its text shown). */
export const previousVersionStatement = (d1: D1Database, draftId: string, viewerId: string, now: number) =>
  statement(d1, sql`SELECT d.id, d.body, ${draftVisibleTo(viewerId, now)} AS visible FROM drafts d
    WHERE d.id = (SELECT previous_version_id FROM drafts WHERE id = ${draftId})`);

/** The results of draftContextStatements, with the changes against the previous version worked out. */
export function presentDraftContext([versions, neighbours, previous]: D1Result[], body: string) {
  const sides = (neighbours?.results ?? []) as NeighbourRow[];
  const before = previous?.results[0] as PreviousRow | undefined;
  const beforeParagraphs = before ? splitParagraphs(before.body) : [];
  const blocks = before ? compareParagraphs(beforeParagraphs, splitParagraphs(body)) : [];
  return {
    versions: ((versions?.results ?? []) as VersionRow[]).map((v) => ({
      id: v.id,
      version: v.version,
      status: v.status,
      reviewsReceived: v.reviews_received,
      reviewsWanted: v.reviews_wanted,
      createdAt: new Date(v.created_at).toISOString(),
    })),
    previousPart: sides.find((s) => s.side === 'previous') ?? null,
    nextPart: sides.find((s) => s.side === 'next') ?? null,
    changes: before
      ? {
          previousVersionId: before.id,
          byParagraph: new Map(blocks.filter((b) => b.paragraph !== null).map((b) => [b.paragraph!, b.change])),
          removed: blocks
            .filter((b) => b.change === 'removed')
            .map((b) => ({ index: b.previousParagraph!, text: before.visible ? beforeParagraphs[b.previousParagraph!]! : null })),
        }
      : null,
  };
}

export type DraftContext = ReturnType<typeof presentDraftContext>;
