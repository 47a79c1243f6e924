import { and, asc, desc, eq, exists, gt, inArray, isNull, lte, ne, notExists, sql, type SQL } from 'drizzle-orm';
import { config } from '../config';
import { database } from '../db/client';
import { claims, drafts, emailOutbox, members, reviews, suppressions } from '../db/schema';
import { statement } from '../db/statements';
import { excerpt } from '../lib/markdown';
import { maskToNotes, noteLabel } from '../content-notes/content-notes';
import { blockedBetween } from '../relationships/blocked-between';
import { enqueueEmail, memberWants, type OutboxEmail } from './outbox';
import { notification, type EmailContext } from './notification';

const PER_RUN = config.email.cronEmailsPerRun;
const HOUR_MS = 3_600_000;

const hoursLeft = (expiresAt: number, now: number) => Math.max(1, Math.round((expiresAt - now) / HOUR_MS));

/**
 * A reminder 12 hours before a claim expires, and one notice when it has
 * (run before the sweep marks lapsed claims expired). Each is keyed by claim,
 * so however many runs see a claim, it gets each email once. Written a page at a
 * time; `more` says another page is waiting.
 */
export async function claimEmails(d1: D1Database, ctx: EmailContext, now: number) {
  const db = database(d1);
  const noticesDue = (kind: 'claim_expiring' | 'claim_expired', window: SQL | undefined) =>
    db
      // The reviewer's id from claims, not members: D1's batch reads columns by name, and two called "id" collide.
      .select({ claimId: claims.id, draftId: claims.draftId, title: drafts.title, expiresAt: claims.expiresAt, reviewerId: claims.reviewerId, email: members.email, name: members.name })
      .from(claims)
      .innerJoin(drafts, eq(drafts.id, claims.draftId))
      .innerJoin(members, eq(members.id, claims.reviewerId))
      .where(
        and(
          eq(claims.status, 'active'),
          window,
          eq(members.notifyClaims, true),
          notExists(db.select({ one: sql`1` }).from(emailOutbox).where(eq(emailOutbox.dedupeKey, sql`${`${kind}:`} || ${claims.id}`))),
          notExists(db.select({ one: sql`1` }).from(suppressions).where(eq(suppressions.email, members.email))),
        ),
      )
      .limit(PER_RUN);
  const [expiring, expired] = await db.batch([
    noticesDue('claim_expiring', and(gt(claims.expiresAt, now), lte(claims.expiresAt, now + config.email.claimReminderBeforeMs))),
    noticesDue('claim_expired', lte(claims.expiresAt, now)),
  ]);
  const lifetimeHours = config.claims.lifetimeMs / HOUR_MS;
  const emails = await Promise.all([
    ...expiring.map((row) =>
      notification(
        ctx,
        { id: row.reviewerId, email: row.email, name: row.name },
        'claim_expiring',
        {
          subject: `Your claim on “${row.title}” ends in ${hoursLeft(row.expiresAt, now)} h`,
          lines: [
            `Your claim on “${row.title}” ends in about ${hoursLeft(row.expiresAt, now)} hours. Submit your review before then to be paid, or release the claim so someone else can take the slot.`,
          ],
          link: { path: `/drafts/${row.draftId}/review`, label: 'Finish your review' },
        },
        `claim_expiring:${row.claimId}`,
      ),
    ),
    ...expired.map((row) =>
      notification(
        ctx,
        { id: row.reviewerId, email: row.email, name: row.name },
        'claim_expired',
        {
          subject: `Your claim on “${row.title}” has expired`,
          lines: [
            `Your ${lifetimeHours}-hour claim on “${row.title}” ended before a review came in, so its slot is open again. If it is still free, you can claim it once more from the queue.`,
          ],
          link: { path: '/queue', label: 'Open the queue' },
        },
        `claim_expired:${row.claimId}`,
      ),
    ),
  ]);
  if (emails.length) await d1.batch(emails.map((email) => enqueueEmail(d1, email, now).statement));
  return { written: emails.length, more: expiring.length === PER_RUN || expired.length === PER_RUN };
}

export type DigestMember = { id: string; email: string; name: string; since: number };

/**
 * Daily digest of reviews for members who chose it: every review since the
 * last digest, up to this run's clock, so none is ever left out. The stamp
 * update and the email are one batch, and the email is written only if this
 * run moved the stamp, so two runs at once cannot both send a digest.
 */
export async function reviewDigests(d1: D1Database, ctx: EmailContext, now: number) {
  const db = database(d1);
  const since = sql<number>`coalesce(${members.reviewDigestAt}, 0)`;
  const due = await db
    .select({ id: members.id, email: members.email, name: members.name, since })
    .from(members)
    .where(
      and(
        eq(members.notifyReviews, 'daily'),
        lte(since, now - config.email.digestEveryMs),
        exists(
          db
            .select({ one: sql`1` })
            .from(drafts)
            .innerJoin(reviews, eq(reviews.draftId, drafts.id))
            .where(and(eq(drafts.authorId, members.id), gt(reviews.createdAt, since))),
        ),
      ),
    )
    .limit(PER_RUN);
  for (const member of due) {
    const digested = await db
      .select({ title: drafts.title, body: reviews.body, reviewer: members.name })
      .from(reviews)
      .innerJoin(drafts, eq(drafts.id, reviews.draftId))
      .innerJoin(members, eq(members.id, reviews.reviewerId))
      .where(and(eq(drafts.authorId, member.id), gt(reviews.createdAt, member.since), lte(reviews.createdAt, now), isNull(reviews.removedAt)))
      .orderBy(asc(reviews.createdAt));
    const email = await notification(ctx, member, 'reviews_digest', {
      subject: `${digested.length} new review${digested.length === 1 ? '' : 's'} of your drafts`,
      lines: digested.map((r) => `${r.reviewer} on “${r.title}”: ${excerpt(r.body, config.email.digestExcerptLength)}`),
      link: { path: '/dashboard', label: 'Read them on Volley' },
    });
    await stampAndSend(d1, member, 'reviewDigestAt', email, now);
  }
  return due.length;
}

/** Daily digest of new open drafts in the genres a member follows; off until genres are chosen. */
export async function draftDigests(d1: D1Database, ctx: EmailContext, now: number) {
  const db = database(d1);
  const due = await db
    .select({ id: members.id, email: members.email, name: members.name, genres: members.genres, hidden: members.hiddenContentNotes, since: sql<number>`coalesce(${members.draftsDigestAt}, ${members.createdAt})` })
    .from(members)
    .where(and(eq(members.notifyNewDrafts, true), ne(members.genres, '[]'), lte(sql`coalesce(${members.draftsDigestAt}, 0)`, now - config.email.digestEveryMs)))
    .limit(PER_RUN);
  for (const member of due) {
    const fresh = await db
      .select({ title: drafts.title, genre: drafts.genre, wordCount: drafts.wordCount, notes: drafts.contentNotes })
      .from(drafts)
      .where(
        and(
          eq(drafts.status, 'open'),
          gt(drafts.createdAt, member.since),
          ne(drafts.authorId, member.id),
          inArray(drafts.genre, JSON.parse(member.genres) as string[]),
          // The member's hidden content notes, as in their queue (content-notes.ts).
          member.hidden ? eq(sql`${drafts.contentNotes} & ${member.hidden}`, 0) : undefined,
          sql`NOT ${blockedBetween(member.id, drafts.authorId)}`,
        ),
      )
      .orderBy(desc(drafts.createdAt))
      .limit(config.email.draftsPerDigest);
    const email = fresh.length
      ? await notification(ctx, member, 'drafts_digest', {
          subject: `${fresh.length} new draft${fresh.length === 1 ? '' : 's'} in your genres`,
          lines: fresh.map((d) => {
            const notes = maskToNotes(d.notes);
            const warned = notes.length ? ` (content notes: ${notes.map(noteLabel).join(', ')})` : '';
            return `“${d.title}” — ${d.genre.replace('-', ' ')}, ${d.wordCount.toLocaleString('en')} words${warned}`;
          }),
          link: { path: '/queue', label: 'Open the queue' },
        })
      : null;
    await stampAndSend(d1, member, 'draftsDigestAt', email, now);
  }
  return due.length;
}

/** Moves the member's digest stamp and writes their digest, once per period however many runs race. */
export async function stampAndSend(
  d1: D1Database,
  member: DigestMember,
  stampKey: 'reviewDigestAt' | 'draftsDigestAt' | 'followingDigestAt',
  email: OutboxEmail | null,
  now: number,
) {
  const column = members[stampKey];
  const stamp = database(d1)
    .update(members)
    .set({ [stampKey]: now })
    .where(and(eq(members.id, member.id), lte(sql`coalesce(${column}, 0)`, now - config.email.digestEveryMs)));
  const send = email ? [enqueueEmail(d1, email, now, memberWants(member.id, sql`${column} = ${now}`)).statement] : [];
  await d1.batch([statement(d1, stamp), ...send]);
}
