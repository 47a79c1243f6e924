import { sql } from 'drizzle-orm';
import { maskToNotes } from '../content-notes/content-notes';
import { statement } from '../db/statements';
import type { SignedInMember } from '../db/schema';
import { insertDraft, withdrawStatements } from '../drafts/drafts';
import { selectVisibleDraft, type DraftRow } from '../drafts/queries';
import type { ReviseDraftInput } from '../drafts/schemas';
import type { DraftView } from '../drafts/present';
import type { Recipient } from '../email/notification';
import type { Notifier } from '../email/notifier';
import { conflict, forbidden, notFound } from '../lib/errors';
import { followersStatement } from '../relationships/follower-emails';
import { returningReadersStatement } from './returning-readers';

const alreadyRevised = () => conflict('already_revised', 'This draft already has a newer version; revise that one.');

/**
 * Posts the next version of the author's draft. The earlier version, if still
 * open, is withdrawn with the usual refunds in the same batch (so its refund
 * can pay for the new one); its reviews stay with it. The unique index on
 * previous_version_id makes a revision posted twice at once one version. One
 * read first: the draft, its returning readers and the author's followers.
 */
export async function reviseDraft(
  d1: D1Database,
  author: SignedInMember,
  draftId: string,
  input: ReviseDraftInput,
  now: number,
  notify: Notifier,
): Promise<DraftView> {
  const [draft, readers, followers] = await d1.batch([
    selectVisibleDraft(d1, draftId, author.id, now),
    returningReadersStatement(d1, {
      draftId,
      authorId: author.id,
      workId: sql`(SELECT work_id FROM drafts WHERE id = ${draftId})`,
      beforePart: sql`(SELECT part FROM drafts WHERE id = ${draftId})`,
      originalId: sql`(SELECT original_id FROM drafts WHERE id = ${draftId})`,
    }),
    followersStatement(d1, author.id),
  ]);
  const previous = draft!.results[0] as DraftRow | undefined;
  if (!previous) throw notFound('That draft');
  if (previous.author_id !== author.id) throw forbidden('Only the author can revise a draft.');
  if (previous.next_version_id) throw alreadyRevised();
  const refundable = previous.status === 'open' ? previous.escrow - previous.price_per_review * previous.claimed : 0;
  return insertDraft(
    d1,
    author,
    {
      title: input.title ?? previous.title,
      body: input.body,
      genre: previous.genre,
      note: input.note,
      reviewsWanted: input.reviewsWanted,
      questions: input.questions ?? (JSON.parse(previous.questions) as string[]),
      previously: previous.previously,
      // A new version carries the content notes of the one it revises.
      contentNotes: maskToNotes(previous.content_notes),
    },
    { kind: 'version', previous },
    {
      now,
      notify,
      credits: author.credits + refundable,
      readers: readers!.results as Recipient[],
      followers: followers!.results as Recipient[],
      extra: withdrawStatements(d1, sql`d.id = ${draftId} AND d.author_id = ${author.id}`, now),
      onConflict: alreadyRevised,
    },
  );
}

/** Every version of the draft's writing, oldest first: the draft page lists them. */
export const versionsStatement = (d1: D1Database, draftId: string) =>
  statement(d1, sql`SELECT v.id, v.version, v.status, v.reviews_received, v.reviews_wanted, v.created_at FROM drafts v
    WHERE v.original_id = (SELECT coalesce(original_id, id) FROM drafts WHERE id = ${draftId}) ORDER BY v.version`);
