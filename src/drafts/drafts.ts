import { sql } from 'drizzle-orm';
import { config, pricePerReview } from '../config';
import { statement } from '../db/statements';
import type { Member, SignedInMember } from '../db/schema';
import { decodeCursor, paginate } from '../lib/cursor';
import { ApiError, conflict, forbidden, notFound } from '../lib/errors';
import { newId } from '../lib/ids';
import { countWords } from '../lib/text';
import { memberBalance } from '../ledger/balance';
import { isOverdraft, transferStatement } from '../ledger/transfer';
import { presentDraft, type DraftView } from './present';
import { liveClaimsOn } from '../claims/slots';
import { draftColumns, draftJoins, findVisibleDraft, selectDraft, type DraftRow } from './queries';
import type { PostDraftInput } from './schemas';
import type { Notifier } from '../email/notifier';
import { followerEmails } from '../relationships/follower-emails';
import { draftCounted } from '../relationships/profile-counters';

export function insufficientCredits(cost: number, balance: number) {
  const shortfall = cost - balance;
  return new ApiError(
    402,
    'insufficient_credits',
    `This draft costs ${cost} credits and you have ${balance}. Review a draft in the queue to earn ${shortfall} more.`,
    { credits: `${shortfall} more needed` },
  );
}

/**
 * Posts a draft and moves its price into the draft's escrow in one batch, with
 * the author's drafts-posted counter and the emails to their followers. The
 * balance the session lookup read with the member only words the error (no
 * second read of it): the ledger's CHECK is what stops two racing posts from
 * spending the same credits. The one read before the batch is the followers.
 */
export async function postDraft(d1: D1Database, author: SignedInMember, input: PostDraftInput, now: number, notify: Notifier): Promise<DraftView> {
  const wordCount = countWords(input.body);
  const price = pricePerReview(wordCount);
  const cost = price * input.reviewsWanted;
  if (author.credits < cost) throw insufficientCredits(cost, author.credits);

  const id = newId();
  const emails = await followerEmails(d1, notify.ctx, { id, title: input.title, genre: input.genre, wordCount }, author, now);
  try {
    const results = await d1.batch<DraftRow>([
      statement(d1, sql`INSERT INTO drafts (id, author_id, title, body, genre, note, word_count, price_per_review, reviews_wanted, created_at)
        VALUES (${id}, ${author.id}, ${input.title}, ${input.body}, ${input.genre}, ${input.note || null}, ${wordCount}, ${price}, ${input.reviewsWanted}, ${now})`),
      statement(d1, sql`INSERT INTO accounts (id, kind) VALUES (${id}, 'escrow')`),
      transferStatement(d1, { from: author.id, to: id, amount: cost, reason: 'post_draft', key: `post_draft:${id}`, now, draftId: id }),
      draftCounted(d1, author.id, sql`EXISTS (SELECT 1 FROM drafts WHERE id = ${id})`),
      ...emails.map((email) => email.statement),
      selectDraft(d1, id, now),
    ]);
    notify.queued(emails.map((email) => email.id));
    return presentDraft(results.at(-1)!.results[0]!, author.id);
  } catch (error) {
    if (isOverdraft(error)) throw insufficientCredits(cost, await memberBalance(d1, author.id));
    throw error;
  }
}

/** A draft for a signed-in member who may see it (draftVisibleTo). */
export async function viewDraft(d1: D1Database, viewer: Member, draftId: string, now: number): Promise<DraftView> {
  const row = await findVisibleDraft(d1, draftId, viewer.id, now);
  if (!row) throw notFound('That draft');
  return presentDraft(row, viewer.id);
}

/** A page of the member's own drafts, newest first, through the (author_id, created_at) index. */
export function ownDraftsStatement(d1: D1Database, authorId: string, cursor: string | undefined, now: number): D1PreparedStatement {
  const after = cursor ? decodeCursor<[number, string]>(cursor, ['number', 'string']) : null;
  return statement(
    d1,
    sql`SELECT ${draftColumns(now)} ${draftJoins}
      WHERE d.author_id = ${authorId} ${after ? sql`AND (d.created_at, d.id) < (${after[0]}, ${after[1]})` : sql``}
      ORDER BY d.created_at DESC, d.id DESC LIMIT ${config.pagination.pageSize + 1}`,
  );
}

/** The rows of ownDraftsStatement as a page with its cursor. */
export function ownDraftsPage(rows: DraftRow[], authorId: string) {
  const { items, nextCursor } = paginate(rows, config.pagination.pageSize, (r) => [r.created_at, r.id]);
  return { items: items.map((r) => presentDraft(r, authorId)), nextCursor };
}

/** The member's own drafts, newest first. */
export async function listOwnDrafts(d1: D1Database, author: Member, cursor: string | undefined, now: number) {
  const { results } = await ownDraftsStatement(d1, author.id, cursor, now).all<DraftRow>();
  return ownDraftsPage(results, author.id);
}

/**
 * Ends an open draft and refunds every slot that is neither reviewed nor
 * claimed. A slot still claimed keeps its credit in escrow: it pays the
 * reviewer if they finish, and is refunded when the claim ends unused.
 */
export async function withdrawDraft(d1: D1Database, author: Member, draftId: string, now: number): Promise<DraftView> {
  const row = await findVisibleDraft(d1, draftId, author.id, now);
  if (!row) throw notFound('That draft');
  if (row.author_id !== author.id) throw forbidden('Only the author can withdraw a draft.');
  if (row.status !== 'open') throw conflict('draft_not_open', `This draft is already ${row.status}.`);

  const results = await d1.batch<DraftRow>([
    statement(d1, sql`UPDATE drafts SET status = 'withdrawn', ended_at = ${now}
      WHERE id = ${draftId} AND author_id = ${author.id} AND status = 'open'`),
    transferStatement(d1, {
      from: draftId,
      to: author.id,
      amount: sql`a.balance - d.price_per_review * ${liveClaimsOn(sql`d.id`, now)}`,
      reason: 'refund',
      key: `refund:withdraw:${draftId}`,
      now,
      draftId,
      source: sql`FROM drafts d JOIN accounts a ON a.id = d.id
        WHERE d.id = ${draftId} AND d.status = 'withdrawn' AND d.ended_at = ${now}
          AND a.balance - d.price_per_review * ${liveClaimsOn(sql`d.id`, now)} > 0`,
    }),
    selectDraft(d1, draftId, now),
  ]);
  if (results[0]!.meta.changes === 0) throw conflict('draft_not_open', 'This draft was closed or withdrawn meanwhile.');
  return presentDraft(results.at(-1)!.results[0]!, author.id);
}
