import { and, desc, eq, gt, lte, sql } from 'drizzle-orm';
import { config } from '../config';
import { database } from '../db/client';
import { drafts, follows as followsTable, members } from '../db/schema';
import { statement } from '../db/statements';
import { notification, type EmailContext, type Recipient } from '../email/notification';
import { enqueueEmail, memberWants } from '../email/outbox';
import { stampAndSend } from '../email/scheduled-emails';
import { blockedBetween } from './blocked-between';

export type NewDraft = { id: string; title: string; genre: string; wordCount: number };

const describe = (d: { title: string; genre: string; wordCount: number }) =>
  `“${d.title}” — ${d.genre.replace('-', ' ')}, ${d.wordCount.toLocaleString('en')} words`;

/** The author's followers who want an email for each new draft: for the read a post makes before its batch. */
export const followersStatement = (d1: D1Database, authorId: string) =>
  statement(
    d1,
    sql`SELECT m.id, m.email, m.name FROM follows f JOIN members m ON m.id = f.follower_id
      WHERE f.followed_id = ${authorId} AND m.notify_following = 'each' AND NOT ${blockedBetween(sql`m.id`, authorId)}`,
  );

/**
 * Notify followers of a new draft: the outbox statements that tell each of
 * `followers` (read by `followersStatement` in the post's one read) that
 * `author` posted `draft`, for the batch that posts it (draft, part or
 * revision). Each email is written only if the draft row exists, the follower
 * still wants it and no block stands between them. Digest readers get it in
 * their daily digest (followingDigests).
 *
 * @example
 * const [followers] = await d1.batch([followersStatement(d1, author.id)]);
 * const emails = await followerEmails(notify.ctx, { id, title, genre, wordCount }, author, followers.results, now);
 * await d1.batch([...postStatements, ...emails.map((e) => e.statement)]);
 * notify.queued(emails.map((e) => e.id));
 */
export async function followerEmails(
  d1: D1Database,
  ctx: EmailContext,
  draft: NewDraft,
  author: { id: string; name: string },
  followers: Recipient[],
  now: number,
) {
  return Promise.all(
    followers.map(async (follower) => {
      const email = await notification(
        ctx,
        follower,
        'following_draft',
        {
          subject: `${author.name} posted “${draft.title}”`,
          lines: [`${author.name}, a writer you follow, posted a new draft: ${describe(draft)}.`],
          link: { path: `/drafts/${draft.id}`, label: 'Read it' },
        },
        `following_draft:${draft.id}:${follower.id}`,
      );
      return enqueueEmail(
        d1,
        email,
        now,
        sql`EXISTS (SELECT 1 FROM drafts WHERE id = ${draft.id}) AND ${memberWants(follower.id, sql`notify_following = 'each'`)}
          AND NOT ${blockedBetween(follower.id, author.id)}`,
      );
    }),
  );
}

/** Cron: the daily digest of new open drafts by the writers a member follows, for members who chose it. */
export async function followingDigests(d1: D1Database, ctx: EmailContext, now: number) {
  const db = database(d1);
  const since = sql<number>`coalesce(${members.followingDigestAt}, ${members.createdAt})`;
  const due = await db
    .select({ id: members.id, email: members.email, name: members.name, since })
    .from(members)
    .where(and(eq(members.notifyFollowing, 'daily'), lte(sql`coalesce(${members.followingDigestAt}, 0)`, now - config.email.digestEveryMs)))
    .limit(config.email.cronEmailsPerRun);
  for (const member of due) {
    const fresh = await db
      .select({ id: drafts.id, title: drafts.title, genre: drafts.genre, wordCount: drafts.wordCount, author: members.name })
      .from(followsTable)
      .innerJoin(drafts, eq(drafts.authorId, followsTable.followedId))
      .innerJoin(members, eq(members.id, drafts.authorId))
      .where(
        and(
          eq(followsTable.followerId, member.id),
          eq(drafts.status, 'open'),
          gt(drafts.createdAt, member.since),
          lte(drafts.createdAt, now),
          sql`NOT ${blockedBetween(member.id, drafts.authorId)}`,
        ),
      )
      .orderBy(desc(drafts.createdAt))
      .limit(config.email.draftsPerDigest);
    const email = fresh.length
      ? await notification(ctx, member, 'following_digest', {
          subject: `${fresh.length} new draft${fresh.length === 1 ? '' : 's'} by writers you follow`,
          lines: fresh.map((d) => `${d.author}: ${describe(d)}`),
          link: { path: '/queue', label: 'Open the queue' },
        })
      : null;
    await stampAndSend(d1, member, 'followingDigestAt', email, now);
  }
  return due.length;
}
