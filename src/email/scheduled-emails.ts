import { sql } from 'drizzle-orm';
import { config } from '../config';
import { excerpt } from '../lib/markdown';
import { enqueueEmail, memberWants } from './outbox';
import { notification, type EmailContext } from './notification';

/** How many of each kind one cron run writes; the rest wait a minute for the next run. */
const PER_RUN = 50;

type ClaimNoticeRow = { claim_id: string; draft_id: string; title: string; expires_at: number; member_id: string; email: string; name: string };

const hoursLeft = (expiresAt: number, now: number) => Math.max(1, Math.round((expiresAt - now) / 3_600_000));

/**
 * A reminder 12 hours before a claim expires, and one notice when it has
 * (run before the sweep marks lapsed claims expired). Each is keyed by claim,
 * so however many runs see a claim, it gets each email once. Written a page at a
 * time; `more` says another page is waiting.
 */
export async function claimEmails(d1: D1Database, ctx: EmailContext, now: number) {
  const select = (kind: 'claim_expiring' | 'claim_expired', window: string, ...bounds: number[]) =>
    d1
      .prepare(
        `SELECT c.id AS claim_id, c.draft_id, d.title, c.expires_at, m.id AS member_id, m.email, m.name
         FROM claims c JOIN drafts d ON d.id = c.draft_id JOIN members m ON m.id = c.reviewer_id
         WHERE c.status = 'active' AND ${window} AND m.notify_claims = 1
           AND NOT EXISTS (SELECT 1 FROM email_outbox o WHERE o.dedupe_key = '${kind}:' || c.id)
           AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.email = m.email)
         LIMIT ${PER_RUN}`,
      )
      .bind(...bounds);
  const [expiring, expired] = await d1.batch<ClaimNoticeRow>([
    select('claim_expiring', 'c.expires_at > ? AND c.expires_at <= ?', now, now + config.email.claimReminderBeforeMs),
    select('claim_expired', 'c.expires_at <= ?', now),
  ]);
  const emails = [
    ...(await Promise.all(
      expiring!.results.map(async (row) =>
        notification(
          ctx,
          { id: row.member_id, email: row.email, name: row.name },
          'claim_expiring',
          {
            subject: `Your claim on “${row.title}” ends in ${hoursLeft(row.expires_at, now)} h`,
            lines: [
              `Your claim on “${row.title}” ends in about ${hoursLeft(row.expires_at, now)} hours. Submit your review before then to be paid, or release the claim so someone else can take the slot.`,
            ],
            link: { path: `/drafts/${row.draft_id}/review`, label: 'Finish your review' },
          },
          `claim_expiring:${row.claim_id}`,
        ),
      ),
    )),
    ...(await Promise.all(
      expired!.results.map(async (row) =>
        notification(
          ctx,
          { id: row.member_id, email: row.email, name: row.name },
          'claim_expired',
          {
            subject: `Your claim on “${row.title}” has expired`,
            lines: [
              `Your 48-hour claim on “${row.title}” ended before a review came in, so its slot is open again. If it is still free, you can claim it once more from the queue.`,
            ],
            link: { path: '/queue', label: 'Open the queue' },
          },
          `claim_expired:${row.claim_id}`,
        ),
      ),
    )),
  ];
  if (emails.length) await d1.batch(emails.map((email) => enqueueEmail(d1, email, now).statement));
  return { written: emails.length, more: expiring!.results.length === PER_RUN || expired!.results.length === PER_RUN };
}

type DigestMember = { id: string; email: string; name: string; since: number };

/**
 * Daily digest of reviews for members who chose it. The stamp update and the
 * email are one batch, and the email is written only if this run moved the
 * stamp, so two runs at once cannot both send a digest.
 */
export async function reviewDigests(d1: D1Database, ctx: EmailContext, now: number) {
  const { results: due } = await d1
    .prepare(
      `SELECT m.id, m.email, m.name, coalesce(m.review_digest_at, 0) AS since FROM members m
       WHERE m.notify_reviews = 'daily' AND coalesce(m.review_digest_at, 0) <= ?
         AND EXISTS (SELECT 1 FROM drafts d JOIN reviews r ON r.draft_id = d.id
                     WHERE d.author_id = m.id AND r.created_at > coalesce(m.review_digest_at, 0))
       LIMIT ${PER_RUN}`,
    )
    .bind(now - config.email.digestEveryMs)
    .all<DigestMember>();
  for (const member of due) {
    const { results: reviews } = await d1
      .prepare(
        `SELECT d.id AS draft_id, d.title, r.id AS review_id, r.body, m.name AS reviewer FROM reviews r
         JOIN drafts d ON d.id = r.draft_id JOIN members m ON m.id = r.reviewer_id
         WHERE d.author_id = ? AND r.created_at > ? ORDER BY r.created_at LIMIT 20`,
      )
      .bind(member.id, member.since)
      .all<{ draft_id: string; title: string; review_id: string; body: string; reviewer: string }>();
    const email = await notification(ctx, member, 'reviews_digest', {
      subject: `${reviews.length} new review${reviews.length === 1 ? '' : 's'} of your drafts`,
      lines: reviews.map((r) => `${r.reviewer} on “${r.title}”: ${excerpt(r.body, 160)}`),
      link: { path: '/dashboard', label: 'Read them on Volley' },
    });
    await stampAndSend(d1, member, 'review_digest_at', email, now);
  }
  return due.length;
}

/** Daily digest of new open drafts in the genres a member follows; off until genres are chosen. */
export async function draftDigests(d1: D1Database, ctx: EmailContext, now: number) {
  const { results: due } = await d1
    .prepare(
      `SELECT m.id, m.email, m.name, coalesce(m.drafts_digest_at, m.created_at) AS since FROM members m
       WHERE m.notify_new_drafts = 1 AND m.genres <> '[]' AND coalesce(m.drafts_digest_at, 0) <= ?
       LIMIT ${PER_RUN}`,
    )
    .bind(now - config.email.digestEveryMs)
    .all<DigestMember>();
  for (const member of due) {
    const { results: drafts } = await d1
      .prepare(
        `SELECT d.id, d.title, d.genre, d.word_count FROM drafts d
         WHERE d.status = 'open' AND d.created_at > ? AND d.author_id <> ?
           AND d.genre IN (SELECT value FROM json_each((SELECT genres FROM members WHERE id = ?)))
         ORDER BY d.created_at DESC LIMIT 10`,
      )
      .bind(member.since, member.id, member.id)
      .all<{ id: string; title: string; genre: string; word_count: number }>();
    const email = drafts.length
      ? await notification(ctx, member, 'drafts_digest', {
          subject: `${drafts.length} new draft${drafts.length === 1 ? '' : 's'} in your genres`,
          lines: drafts.map((d) => `“${d.title}” — ${d.genre.replace('-', ' ')}, ${d.word_count.toLocaleString('en')} words`),
          link: { path: '/queue', label: 'Open the queue' },
        })
      : null;
    await stampAndSend(d1, member, 'drafts_digest_at', email, now);
  }
  return due.length;
}

async function stampAndSend(
  d1: D1Database,
  member: DigestMember,
  column: 'review_digest_at' | 'drafts_digest_at',
  email: Awaited<ReturnType<typeof notification>> | null,
  now: number,
) {
  const stamp = d1
    .prepare(`UPDATE members SET ${column} = ? WHERE id = ? AND coalesce(${column}, 0) <= ?`)
    .bind(now, member.id, now - config.email.digestEveryMs);
  const send = email ? [enqueueEmail(d1, email, now, memberWants(member.id, sql.raw(`${column} = ${now}`))).statement] : [];
  await d1.batch([stamp, ...send]);
}
