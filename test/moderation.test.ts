import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { config } from '../src/config';
import {
  adminSession,
  balance,
  call,
  count,
  expectLedgerInvariants,
  json,
  latestLinkToken,
  postDraftOk,
  requestLink,
  reviewOf,
  rows,
  signIn,
  type SignedInMember,
} from './helpers';

const report = (who: { token: string }, type: string, id: string, reason = 'low-effort') =>
  call('/api/v1/reports', { token: who.token, body: { subject: { type, id }, reason, details: 'Padded with filler.' } });
const resolve = (admin: { token: string }, reportId: string, action: string, note = 'Padded review, not about the draft.') =>
  call(`/api/v1/admin/reports/${reportId}/resolve`, { token: admin.token, body: { action, note } });

/** An author's draft wanting 2 reviews, reviewed once by `reviewer`. */
async function reviewedDraft() {
  const author = await signIn();
  const reviewer = await signIn();
  const draft = await postDraftOk(author, { reviewsWanted: 2 });
  const review = await json<{ id: string }>(await call(`/api/v1/drafts/${draft.id}/reviews`, { token: reviewer.token, body: reviewOf() }));
  return { author, reviewer, draft, reviewId: review.id };
}

describe('reports', () => {
  it('one report per member per subject: a repeat answers 200 with the same report', async () => {
    const { author, reviewId } = await reviewedDraft();
    const first = await report(author, 'review', reviewId);
    expect(first.status).toBe(201);
    const created = await json<{ id: string; status: string }>(first);
    expect(created.status).toBe('open');
    const again = await report(author, 'review', reviewId, 'spam');
    expect(again.status).toBe(200);
    expect((await json<{ id: string }>(again)).id).toBe(created.id);
    expect(await count('reports', 'subject_id = ?', reviewId)).toBe(1);
  });

  it('reporting what you cannot see is a 404, your own writing a 400; nothing is written', async () => {
    const { reviewer, reviewId, draft } = await reviewedDraft();
    const stranger = await signIn();
    expect((await report(stranger, 'review', reviewId)).status).toBe(404);
    expect((await report(stranger, 'reply', 'no-such-reply')).status).toBe(404);
    expect((await report(stranger, 'member', 'no-such-member')).status).toBe(404);
    expect((await report(reviewer, 'review', reviewId)).status).toBe(400);
    expect((await call('/api/v1/reports', { token: stranger.token, body: { subject: { type: 'draft', id: draft.id }, reason: 'rude' } })).status).toBe(400);
    expect(await count('reports', 'reporter_id IN (?, ?)', stranger.member.id, reviewer.member.id)).toBe(0);
  });

  it('at most 10 reports a member an hour: the 11th is a 429 and writes nothing', async () => {
    const reporter = await signIn();
    const targets = await Promise.all(Array.from({ length: config.safety.reportsPerWindow + 1 }, () => signIn()));
    const statuses = [];
    for (const target of targets) statuses.push((await report(reporter, 'member', target.member.id, 'spam')).status);
    expect(statuses.slice(0, -1).every((s) => s === 201)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(await count('reports', 'reporter_id = ?', reporter.member.id)).toBe(config.safety.reportsPerWindow);
  });

  it('the hourly cap is counted in D1 too, beyond the binding’s one-minute window', async () => {
    const reporter = await signIn();
    const target = await signIn();
    const filed = async (ageMs: number) => {
      const others = await Promise.all(Array.from({ length: config.safety.reportsPerWindow }, () => signIn()));
      for (const other of others) {
        await env.DB.prepare(`INSERT INTO reports (id, reporter_id, subject_type, subject_id, subject_member_id, reason, created_at)
          VALUES (?, ?, 'member', ?, ?, 'spam', ?)`).bind(crypto.randomUUID(), reporter.member.id, other.member.id, other.member.id, Date.now() - ageMs).run();
      }
    };
    await filed(config.safety.reportWindowMs / 2);
    expect((await report(reporter, 'member', target.member.id)).status).toBe(429);
    await env.DB.prepare('UPDATE reports SET created_at = created_at - ? WHERE reporter_id = ?').bind(config.safety.reportWindowMs, reporter.member.id).run();
    expect((await report(reporter, 'member', target.member.id)).status).toBe(201);
  });
});

describe('moderation', () => {
  it('remove: the review is hidden, its slot reopens, its price goes back to escrow clawed from the reviewer; both sides are emailed', async () => {
    const admin = await adminSession();
    const { author, reviewer, draft, reviewId } = await reviewedDraft();
    const filed = await json<{ id: string }>(await report(author, 'review', reviewId));
    const reviewerBefore = await balance(reviewer.member.id);
    const escrowBefore = await balance(draft.id);

    const resolved = await resolve(admin, filed.id, 'remove');
    expect(resolved.status).toBe(200);
    const body = await json<{ status: string; action: string; subject: { removed: boolean } }>(resolved);
    expect(body).toMatchObject({ status: 'resolved', action: 'remove', subject: { removed: true } });

    expect(await balance(reviewer.member.id)).toBe(reviewerBefore - draft.pricePerReview);
    expect(await balance(draft.id)).toBe(escrowBefore + draft.pricePerReview);
    const [d] = await rows<{ reviews_received: number; status: string }>('SELECT reviews_received, status FROM drafts WHERE id = ?', draft.id);
    expect(d).toEqual({ reviews_received: 0, status: 'open' });
    const moves = await rows<{ reason: string; reason_key: string; amount: number }>(
      `SELECT reason, reason_key, amount FROM transfers WHERE reason_key LIKE ?`, `moderation:${filed.id}:%`);
    expect(moves).toEqual([{ reason: 'adjustment', reason_key: `moderation:${filed.id}:clawback`, amount: draft.pricePerReview }]);

    const seen = await json<{ items: unknown[] }>(await call(`/api/v1/drafts/${draft.id}/reviews`, { token: author.token }));
    expect(seen.items).toEqual([]);
    expect((await call(`/api/v1/reviews/${reviewId}/replies`, { token: reviewer.token, body: { body: 'Still here?' } })).status).toBe(404);
    const emails = await rows<{ kind: string; to_address: string; headers: string; text_body: string }>(
      `SELECT kind, to_address, headers, text_body FROM email_outbox WHERE kind IN ('report_handled', 'moderation_notice') AND to_address IN (?, ?)`,
      author.email, reviewer.email);
    expect(emails.map((e) => [e.kind, e.to_address]).sort()).toEqual([['moderation_notice', reviewer.email], ['report_handled', author.email]].sort());
    expect(emails.find((e) => e.kind === 'moderation_notice')!.text_body).toContain('Padded review, not about the draft.');
    // Transactional: no unsubscribe link.
    expect(emails.every((e) => !JSON.parse(e.headers)['List-Unsubscribe'])).toBe(true);

    // A retried resolve pays nothing twice and logs nothing again.
    expect((await resolve(admin, filed.id, 'remove')).status).toBe(200);
    expect(await count('transfers', 'reason_key LIKE ?', `moderation:${filed.id}:%`)).toBe(1);
    expect(await count('moderation_actions', 'report_id = ?', filed.id)).toBe(1);
    await expectLedgerInvariants();
  });

  it('remove: what the reviewer’s balance cannot cover is minted, and no balance goes negative', async () => {
    const admin = await adminSession();
    const { author, reviewer, draft, reviewId } = await reviewedDraft();
    // The reviewer spends everything they hold.
    await postDraftOk(reviewer, { reviewsWanted: await balance(reviewer.member.id) });
    expect(await balance(reviewer.member.id)).toBe(0);
    const filed = await json<{ id: string }>(await report(author, 'review', reviewId));
    expect((await resolve(admin, filed.id, 'remove')).status).toBe(200);
    expect(await balance(reviewer.member.id)).toBe(0);
    const moves = await rows<{ reason_key: string; from_account: string; amount: number }>(
      `SELECT reason_key, from_account, amount FROM transfers WHERE reason_key LIKE ?`, `moderation:${filed.id}:%`);
    expect(moves).toEqual([{ reason_key: `moderation:${filed.id}:minted`, from_account: 'mint', amount: draft.pricePerReview }]);
    await expectLedgerInvariants();
  });

  it('two moderators resolving the same report at once act once', async () => {
    const admins = [await adminSession(), await adminSession()];
    const { author, reviewer, reviewId } = await reviewedDraft();
    const filed = await json<{ id: string }>(await report(author, 'review', reviewId));
    const before = await balance(reviewer.member.id);
    const answers = await Promise.all([resolve(admins[0]!, filed.id, 'remove'), resolve(admins[1]!, filed.id, 'suspend')]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(await count('moderation_actions', 'report_id = ?', filed.id)).toBe(1);
    const [action] = await rows<{ action: string }>('SELECT action FROM moderation_actions WHERE report_id = ?', filed.id);
    const clawed = await rows<{ amount: number }>(`SELECT amount FROM transfers WHERE reason_key LIKE ?`, `moderation:${filed.id}:%`);
    expect(clawed.length).toBe(1);
    expect(await balance(reviewer.member.id)).toBe(before - clawed[0]!.amount);
    const [m] = await rows<{ suspended_at: number | null }>('SELECT suspended_at FROM members WHERE id = ?', reviewer.member.id);
    expect(m!.suspended_at !== null).toBe(action!.action === 'suspend');
    await expectLedgerInvariants();
  });

  it('remove a review: the profile counters and return-favour tally drop by it, once when two moderators race', async () => {
    const admins = [await adminSession(), await adminSession()];
    const { author, reviewer, draft: kept } = await reviewedDraft();
    const draft = await postDraftOk(author, { reviewsWanted: 1 });
    const removed = await json<{ id: string }>(await call(`/api/v1/drafts/${draft.id}/reviews`, { token: reviewer.token, body: reviewOf() }));
    expect((await call(`/api/v1/reviews/${removed.id}/rating`, { token: author.token, body: { helpful: true } })).status).toBe(200);
    const filed = await json<{ id: string }>(await report(author, 'review', removed.id));

    await Promise.all([resolve(admins[0]!, filed.id, 'remove'), resolve(admins[1]!, filed.id, 'remove')]);

    // Each counter equals a recount of the reviews still standing.
    const counters = await rows(
      `SELECT m.id, m.reviews_given, m.helpful_reviews, m.reviews_received,
         (SELECT count(*) FROM reviews r WHERE r.reviewer_id = m.id AND r.removed_at IS NULL) AS given,
         (SELECT count(*) FROM reviews r WHERE r.reviewer_id = m.id AND r.removed_at IS NULL AND r.helpful = 1) AS helpful,
         (SELECT count(*) FROM reviews r JOIN drafts d ON d.id = r.draft_id WHERE d.author_id = m.id AND r.removed_at IS NULL) AS received
       FROM members m WHERE m.id IN (?, ?) ORDER BY m.id = ? DESC`,
      reviewer.member.id, author.member.id, reviewer.member.id);
    expect(counters).toEqual([
      { id: reviewer.member.id, reviews_given: 1, helpful_reviews: 0, reviews_received: 0, given: 1, helpful: 0, received: 0 },
      { id: author.member.id, reviews_given: 0, helpful_reviews: 0, reviews_received: 1, given: 0, helpful: 0, received: 1 },
    ]);
    const profile = await json(await call(`/api/v1/members/${reviewer.member.id}`, { token: author.token }));
    expect(profile.stats).toMatchObject({ reviewsGiven: 1, helpfulReviews: 0 });
    const favours = await json<{ items: { member: { id: string }; reviewsOfYours: number }[] }>(await call('/api/v1/me/return-favours', { token: author.token }));
    expect(favours.items.map((i) => [i.member.id, i.reviewsOfYours])).toEqual([[reviewer.member.id, 1]]);

    // Removing the last review between them leaves no tally behind.
    const [standing] = await rows<{ id: string }>('SELECT id FROM reviews WHERE draft_id = ?', kept.id);
    const second = await json<{ id: string }>(await report(author, 'review', standing!.id));
    expect((await resolve(admins[0]!, second.id, 'remove')).status).toBe(200);
    expect(await count('review_tallies', 'author_id = ? AND reviewer_id = ?', author.member.id, reviewer.member.id)).toBe(0);
    const [after] = await rows('SELECT reviews_given, reviews_received FROM members WHERE id = ?', reviewer.member.id);
    expect(after).toEqual({ reviews_given: 0, reviews_received: 0 });
    expect((await rows('SELECT reviews_received FROM members WHERE id = ?', author.member.id))[0]).toEqual({ reviews_received: 0 });
    await expectLedgerInvariants();
  });

  it('a review removed between the rating’s read and its batch is not rated: 404, no bonus, counters untouched', async () => {
    const { author, reviewer, reviewId } = await reviewedDraft();
    // The request's second D1 round trip is the rating's batch: the removal lands just before it.
    let batches = 0;
    const removingBeforeTheWrite = (session: D1DatabaseSession): D1DatabaseSession => ({
      prepare: (query) => session.prepare(query),
      batch: async (statements) => {
        if (++batches === 2) await env.DB.prepare('UPDATE reviews SET removed_at = ? WHERE id = ?').bind(Date.now(), reviewId).run();
        return session.batch(statements);
      },
      getBookmark: () => session.getBookmark(),
    });
    const DB = { ...env.DB, prepare: env.DB.prepare.bind(env.DB), batch: env.DB.batch.bind(env.DB), withSession: (c?: string) => removingBeforeTheWrite(env.DB.withSession(c)) };
    const rated = await call(`/api/v1/reviews/${reviewId}/rating`, { token: author.token, body: { helpful: true }, env: { DB } as never });
    expect(batches).toBe(2);
    expect(rated.status).toBe(404);
    expect(await rows('SELECT helpful, rated_at FROM reviews WHERE id = ?', reviewId)).toEqual([{ helpful: null, rated_at: null }]);
    expect(await count('transfers', "reason = 'helpful_bonus' AND review_id = ?", reviewId)).toBe(0);
    expect((await rows('SELECT helpful_reviews FROM members WHERE id = ?', reviewer.member.id))[0]).toEqual({ helpful_reviews: 0 });
    // The stand-in removal moved no counts (a moderator's does): undone, so the file's ledger checks see whole books.
    await env.DB.prepare('UPDATE reviews SET removed_at = NULL WHERE id = ?').bind(reviewId).run();
  });

  it('suspend: sessions end, sign-in is refused (the link request still 202), open drafts withdrawn with refunds, claims released', async () => {
    const admin = await adminSession();
    const member: SignedInMember = await signIn();
    const victim = await signIn();
    const other = await signIn();
    const own = await postDraftOk(member, { reviewsWanted: 1 });
    const elsewhere = await postDraftOk(other, { reviewsWanted: 1 });
    expect((await call(`/api/v1/drafts/${elsewhere.id}/claims`, { method: 'POST', token: member.token })).status).toBe(201);
    const filed = await json<{ id: string }>(await report(victim, 'member', member.member.id, 'harassment'));

    expect((await resolve(admin, filed.id, 'suspend', 'Abusive replies to three writers.')).status).toBe(200);
    expect((await call('/api/v1/me', { token: member.token })).status).toBe(401);
    expect(await count('sessions', 'member_id = ?', member.member.id)).toBe(0);
    const [draft] = await rows<{ status: string }>('SELECT status FROM drafts WHERE id = ?', own.id);
    expect(draft!.status).toBe('withdrawn');
    expect(await balance(own.id)).toBe(0);
    expect(await count('claims', `reviewer_id = ? AND status = 'active'`, member.member.id)).toBe(0);

    expect((await requestLink(member.email)).status).toBe(202);
    const exchange = await call('/api/v1/auth/session', { body: { token: await latestLinkToken(member.email) } });
    expect(exchange.status).toBe(403);
    expect((await json<{ error: { code: string } }>(exchange)).error.code).toBe('account_suspended');
    expect(await count('sessions', 'member_id = ?', member.member.id)).toBe(0);

    // The log is append-only, and the member's export lists the action.
    await expect(env.DB.prepare('UPDATE moderation_actions SET note = ? WHERE report_id = ?').bind('edited', filed.id).run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare('DELETE FROM moderation_actions WHERE report_id = ?').bind(filed.id).run()).rejects.toThrow(/append-only/);
    await env.DB.prepare('UPDATE members SET suspended_at = NULL WHERE id = ?').bind(member.member.id).run();
    const back = await signIn(member.email);
    const data = await json<{ moderationActions: { action: string; note: string }[] }>(await call('/api/v1/me/export', { token: back.token }));
    expect(data.moderationActions).toEqual([expect.objectContaining({ action: 'suspend', note: 'Abusive replies to three writers.' })]);
    await expectLedgerInvariants();
  });

  it('remove a draft: withdrawn with refunds and hidden from its author too; remove a reply: gone from its thread', async () => {
    const admin = await adminSession();
    const { author, reviewer, draft, reviewId } = await reviewedDraft();
    const reply = await json<{ id: string }>(await call(`/api/v1/reviews/${reviewId}/replies`, { token: reviewer.token, body: { body: 'You are a fool.' } }));
    const replyReport = await json<{ id: string }>(await report(author, 'reply', reply.id, 'harassment'));
    expect((await resolve(admin, replyReport.id, 'remove', 'Insult.')).status).toBe(200);
    const reviews = await json<{ items: { replies: unknown[] }[] }>(await call(`/api/v1/drafts/${draft.id}/reviews`, { token: author.token }));
    expect(reviews.items[0]!.replies).toEqual([]);

    const draftReport = await json<{ id: string }>(await report(reviewer, 'draft', draft.id, 'plagiarism'));
    const authorBefore = await balance(author.member.id);
    expect((await resolve(admin, draftReport.id, 'remove', 'Copied from a published book.')).status).toBe(200);
    expect((await call(`/api/v1/drafts/${draft.id}`, { token: author.token })).status).toBe(404);
    expect(await balance(author.member.id)).toBe(authorBefore + draft.pricePerReview);
    expect(await balance(draft.id)).toBe(0);
    await expectLedgerInvariants();
  });

  it('a note is required; remove does not apply to a member', async () => {
    const admin = await adminSession();
    const reporter = await signIn();
    const target = await signIn();
    const filed = await json<{ id: string }>(await report(reporter, 'member', target.member.id));
    expect((await resolve(admin, filed.id, 'dismiss', '')).status).toBe(400);
    expect((await resolve(admin, filed.id, 'remove', 'No.')).status).toBe(400);
    expect((await call('/api/v1/admin/reports/nope/resolve', { token: admin.token, body: { action: 'dismiss', note: 'x' } })).status).toBe(404);
    const listed: { id: string; reporters: number }[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string; reporters: number }[]; nextCursor: string | null } = await json(
        await call(`/api/v1/admin/reports?status=open${cursor ? `&cursor=${cursor}` : ''}`, { token: admin.token }),
      );
      listed.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(listed.find((r) => r.id === filed.id)?.reporters).toBe(1);
    expect(await count('moderation_actions', 'report_id = ?', filed.id)).toBe(0);
  });
});
