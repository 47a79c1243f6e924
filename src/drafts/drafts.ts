import { sql, type SQL } from 'drizzle-orm';
import { config, pricePerReview } from '../config';
import { statement } from '../db/statements';
import type { Member, SignedInMember } from '../db/schema';
import { decodeCursor, paginate } from '../lib/cursor';
import { ApiError, conflict, forbidden, notFound } from '../lib/errors';
import { newId } from '../lib/ids';
import { countWords } from '../lib/text';
import { renderedDraft } from '../lib/markdown';
import { memberBalance } from '../ledger/balance';
import { isOverdraft, transferStatement } from '../ledger/transfer';
import { presentDraft, type DraftView } from './present';
import { liveClaimsOn } from '../claims/slots';
import { draftColumns, draftJoins, findVisibleDraft, selectDraft, type DraftRow } from './queries';
import { returningReadersEmails } from '../email/events';
import type { Recipient } from '../email/notification';
import type { Notifier } from '../email/notifier';
import { holdSlotsStatement, holdWasMade, returningReadersStatement } from '../works/returning-readers';
import type { PostDraftInput } from './schemas';
import { notesToMask } from '../content-notes/content-notes';
import type { ContentNote } from '../config';
import { followerEmails, followersStatement } from '../relationships/follower-emails';
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

/** Where a new draft goes: on its own, as the next part of a work, or as the next version of a draft. */
export type DraftPlacement =
  | { kind: 'single' }
  | { kind: 'part'; workId: string }
  | { kind: 'version'; previous: DraftRow };

type NewDraft = {
  title: string;
  body: string;
  genre: string;
  note?: string;
  reviewsWanted: number;
  questions: string[];
  previously?: string | null;
  contentNotes?: readonly ContentNote[];
};

/**
 * Posts a draft, its Markdown rendered once beside it, and moves its price into the draft's escrow in one batch;
 * a part takes the next number of its work inside the INSERT, so parts posted
 * at once number distinctly; a version must be the first to revise its
 * predecessor (a unique index); each counts toward the author's profile and
 * is emailed to their followers; parts and versions hold a slot for each returning reader and
 * email them (`extra` carries what the caller adds first, e.g. withdrawing the
 * previous version). `credits` is what the author can spend: it only words the
 * error, the ledger's CHECK is what stops two racing posts spending the same
 * credits.
 */
export async function insertDraft(
  d1: D1Database,
  author: SignedInMember,
  input: NewDraft,
  placement: DraftPlacement,
  options: {
    now: number;
    notify: Notifier;
    credits: number;
    readers: Recipient[];
    followers: Recipient[];
    extra?: D1PreparedStatement[];
    onConflict?: () => ApiError;
  },
): Promise<DraftView> {
  const { now } = options;
  const wordCount = countWords(input.body);
  const price = pricePerReview(wordCount);
  const cost = price * input.reviewsWanted;
  if (options.credits < cost) throw insufficientCredits(cost, options.credits);

  const id = newId();
  const { paragraphsHtml, excerpt } = renderedDraft(input.body);
  const previous = placement.kind === 'version' ? placement.previous : null;
  const workId = placement.kind === 'part' ? placement.workId : (previous?.work_id ?? null);
  const part =
    placement.kind === 'part'
      ? sql`(SELECT coalesce(max(p.part), 0) + 1 FROM drafts p WHERE p.work_id = ${workId})`
      : sql`${previous?.part ?? null}`;
  const version = previous ? previous.version + 1 : 1;
  const originalId = previous ? (previous.original_id ?? previous.id) : id;
  const place = { draftId: id, authorId: author.id, workId, beforePart: previous?.part ?? null, originalId };
  const emails = options.readers.length
    ? await returningReadersEmails(d1, options.notify.ctx, {
        draftId: id,
        title: input.title,
        authorName: author.name,
        what: previous ? `version ${version}` : placement.kind === 'part' ? 'the next part' : 'a new draft',
        readers: options.readers,
        heldFor: (memberId) => holdWasMade(id, memberId),
        now,
      })
    : [];
  const followers = await followerEmails(d1, options.notify.ctx, { id, title: input.title, genre: input.genre, wordCount }, author, options.followers, now);
  try {
    const results = await d1.batch<DraftRow>([
      ...(options.extra ?? []),
      statement(d1, sql`INSERT INTO drafts (id, author_id, title, body, genre, note, word_count, price_per_review, reviews_wanted, content_notes, created_at,
          questions, work_id, part, previously, version, previous_version_id, original_id, paragraphs_html, excerpt)
        SELECT ${id}, ${author.id}, ${input.title}, ${input.body}, ${input.genre}, ${input.note || null}, ${wordCount}, ${price}, ${input.reviewsWanted}, ${notesToMask(input.contentNotes ?? [])}, ${now},
          ${JSON.stringify(input.questions)}, ${workId}, ${part}, ${input.previously || null}, ${version}, ${previous?.id ?? null}, ${originalId}, ${paragraphsHtml}, ${excerpt}
        WHERE ${workId === null ? sql`1` : sql`EXISTS (SELECT 1 FROM works WHERE id = ${workId} AND author_id = ${author.id})`}`),
      statement(d1, sql`INSERT INTO accounts (id, kind) SELECT ${id}, 'escrow' WHERE EXISTS (SELECT 1 FROM drafts WHERE id = ${id})`),
      transferStatement(d1, {
        from: author.id,
        to: id,
        amount: cost,
        reason: 'post_draft',
        key: `post_draft:${id}`,
        now,
        draftId: id,
        source: sql`WHERE EXISTS (SELECT 1 FROM drafts WHERE id = ${id})`,
      }),
      ...(placement.kind === 'single' ? [] : [holdSlotsStatement(d1, place, now)]),
      draftCounted(d1, author.id, sql`EXISTS (SELECT 1 FROM drafts WHERE id = ${id})`),
      ...[...emails, ...followers].map((email) => email.statement),
      selectDraft(d1, id, now),
    ]);
    const row = results.at(-1)!.results[0];
    if (!row) throw notFound('That work');
    options.notify.queued([...emails, ...followers].map((email) => email.id));
    return presentDraft(row, author.id);
  } catch (error) {
    if (isOverdraft(error)) throw insufficientCredits(cost, await memberBalance(d1, author.id));
    if (options.onConflict && String((error as Error)?.message).includes('UNIQUE constraint failed')) throw options.onConflict();
    throw error;
  }
}

/**
 * Posts a draft, or the next part of the author's work (`workId`): a part
 * takes its work's genre unless it names one. One read before the batch
 * finds the author's followers (and for a part the work and its returning
 * readers); the session check rides with it.
 */
export async function postDraft(d1: D1Database, author: SignedInMember, input: PostDraftInput, now: number, notify: Notifier): Promise<DraftView> {
  const { workId, genre, previously, ...rest } = input;
  if (!workId) {
    const [followers] = await d1.batch([followersStatement(d1, author.id)]);
    const found = { now, notify, credits: author.credits, readers: [], followers: followers!.results as Recipient[] };
    return insertDraft(d1, author, { ...rest, genre: genre! }, { kind: 'single' }, found);
  }
  const place = { draftId: '', authorId: author.id, workId, beforePart: null, originalId: '' };
  const [work, readers, followers] = await d1.batch([
    statement(d1, sql`SELECT author_id, genre, content_notes FROM works WHERE id = ${workId}`),
    returningReadersStatement(d1, place),
    followersStatement(d1, author.id),
  ]);
  const found = work!.results[0] as { author_id: string; genre: string; content_notes: string } | undefined;
  if (!found) throw notFound('That work');
  if (found.author_id !== author.id) throw forbidden('Only the work’s author can add parts to it.');
  return insertDraft(
    d1,
    author,
    // A part carries its work's content notes unless it names its own.
    { ...rest, genre: genre ?? found.genre, previously, contentNotes: rest.contentNotes ?? (JSON.parse(found.content_notes) as ContentNote[]) },
    { kind: 'part', workId },
    {
      now,
      notify,
      credits: author.credits,
      readers: readers!.results as Recipient[],
      followers: followers!.results as Recipient[],
      onConflict: () => conflict('part_taken', 'Another part was posted at the same moment; post again.'),
    },
  );
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
    ...withdrawStatements(d1, sql`d.id = ${draftId} AND d.author_id = ${author.id}`, now),
    selectDraft(d1, draftId, now),
  ]);
  if (results[0]!.meta.changes === 0) throw conflict('draft_not_open', 'This draft was closed or withdrawn meanwhile.');
  return presentDraft(results.at(-1)!.results[0]!, author.id);
}

/**
 * Withdraws the open drafts matching `which` (alias d) and refunds each one's
 * escrow but for the slots held by live claims, for a batch of the caller's:
 * the author's withdraw, a revision replacing its open version, a moderator's
 * removal or suspension. The first statement's changes say how many drafts it withdrew.
 */
export function withdrawStatements(d1: D1Database, which: SQL, now: number): D1PreparedStatement[] {
  const unclaimed = sql`a.balance - d.price_per_review * ${liveClaimsOn(sql`d.id`, now)}`;
  return [
    statement(d1, sql`UPDATE drafts AS d SET status = 'withdrawn', ended_at = ${now} WHERE d.status = 'open' AND ${which}`),
    transferStatement(d1, {
      id: sql`lower(hex(randomblob(10)))`,
      from: sql`d.id`,
      to: sql`d.author_id`,
      amount: unclaimed,
      reason: 'refund',
      key: sql`'refund:withdraw:' || d.id`,
      now,
      draftId: sql`d.id`,
      source: sql`FROM drafts d JOIN accounts a ON a.id = d.id
        WHERE ${which} AND d.status = 'withdrawn' AND d.ended_at = ${now} AND ${unclaimed} > 0`,
    }),
  ];
}
