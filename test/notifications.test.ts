import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { config } from '../src/config';
import { call, expectErrorShape, postDraftOk, reviewOf, rows, runCron, signIn, words, type SignedInMember } from './helpers';

type OutboxRow = { id: string; kind: string; to_address: string; subject: string; text_body: string; html_body: string; headers: string; status: string };
/** Each email to `email`, as it was sent: links are filled in on sending, so the bodies are the dev mailbox's. */
const outboxTo = (email: string, kind?: string) =>
  rows<OutboxRow>(
    `SELECT o.id, o.kind, o.to_address, o.subject, o.status, m.text AS text_body, m.html AS html_body, m.headers
     FROM email_outbox o LEFT JOIN dev_mailbox m ON m.id = o.id
     WHERE o.to_address = ? AND o.kind <> 'sign_in' ${kind ? 'AND o.kind = ?' : ''} ORDER BY o.created_at`,
    ...(kind ? [email, kind] : [email]),
  );

async function reviewed(author: SignedInMember, reviewsWanted = 2) {
  const reviewer = await signIn();
  const draft = await postDraftOk(author, { title: 'The Lighthouse Keeper', reviewsWanted });
  const response = await call(`/api/v1/drafts/${draft.id}/reviews`, {
    token: reviewer.token,
    body: reviewOf({ body: `The opening line is strong. ${words(160)}`, inline: [{ paragraph: 0, quote: '', body: 'Lovely.' }] }),
  });
  expect(response.status).toBe(201);
  return { reviewer, draft, review: (await response.json()) as { id: string } };
}

function expectNotificationShape(email: OutboxRow, recipientName: string) {
  const headers = JSON.parse(email.headers) as Record<string, string>;
  expect(headers['List-Unsubscribe']).toMatch(/^<https:\/\/volley\.test\/unsubscribe\?m=[a-z2-7]+&g=[a-z_]+&t=[\w-]+>$/);
  expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  expect(email.text_body).toContain(`Hi ${recipientName},`);
  expect(email.text_body).toContain('Unsubscribe from these: https://volley.test/unsubscribe?');
  expect(email.text_body).toMatch(/You get this because/);
  expect(email.html_body).toContain('Unsubscribe from these emails');
  expect(email.html_body).toContain(`Hi ${recipientName},`);
}

describe('emails caused by events', () => {
  it('a review emails its author, in the same batch as the payment, with who, the opening lines and the inline count', async () => {
    const author = await signIn();
    const { reviewer, draft, review } = await reviewed(author);
    const [email] = await outboxTo(author.email, 'review_received');
    expect(email!.subject).toBe(`${reviewer.member.name} reviewed “The Lighthouse Keeper”`);
    expect(email!.text_body).toContain('with 1 inline comment. 1 of 2 reviews are in.');
    expect(email!.text_body).toContain('> The opening line is strong.');
    expect(email!.text_body).toContain(`https://volley.test/drafts/${draft.id}#review-${review.id}`);
    expectNotificationShape(email!, author.member.name);
  });

  it('a refused review leaves no email behind', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const draft = await postDraftOk(author);
    await expectErrorShape(await call(`/api/v1/drafts/${draft.id}/reviews`, { token: reviewer.token, body: { body: 'Too short.', inline: [] } }), 400);
    expect(await outboxTo(author.email)).toHaveLength(0);
  });

  it('the last review in also sends "all feedback is in"', async () => {
    const author = await signIn();
    await reviewed(author, 1);
    const [complete] = await outboxTo(author.email, 'draft_complete');
    expect(complete!.subject).toBe('All feedback is in for “The Lighthouse Keeper”');
  });

  it('respects the author’s choice: off sends nothing, daily waits for the digest', async () => {
    const quiet = await signIn();
    await call('/api/v1/me', { method: 'PATCH', token: quiet.token, body: { notifications: { reviews: 'off' } } });
    await reviewed(quiet, 1);
    expect(await outboxTo(quiet.email)).toHaveLength(0);

    const daily = await signIn();
    await call('/api/v1/me', { method: 'PATCH', token: daily.token, body: { notifications: { reviews: 'daily' } } });
    await reviewed(daily, 1);
    expect(await outboxTo(daily.email)).toHaveLength(0);
    await runCron(Date.now() + 60_000);
    const [digest] = await outboxTo(daily.email, 'reviews_digest');
    expect(digest!.subject).toBe('1 new review of your drafts');
    expect(digest!.text_body).toContain('“The Lighthouse Keeper”');
    expectNotificationShape(digest!, daily.member.name);
    // At most daily: the next minute's run sends nothing more.
    await reviewed(daily, 1);
    await runCron(Date.now() + 120_000);
    expect(await outboxTo(daily.email, 'reviews_digest')).toHaveLength(1);
  });

  it('every review reaches a digest, however many came in that day', async () => {
    const author = await signIn();
    await call('/api/v1/me', { method: 'PATCH', token: author.token, body: { notifications: { reviews: 'daily' } } });
    const draft = await postDraftOk(author, { title: 'Crowded' });
    const now = Date.now();
    const reviewers = Array.from({ length: 25 }, (_, i) => ({ id: `digest${i}${crypto.randomUUID().slice(0, 8)}`, name: `Reviewer number ${i + 100}` }));
    // Arranged in SQL: 25 reviews through HTTP would need 5 drafts' worth of credits and 25 sign-ins for one read.
    await env.DB.batch(
      reviewers.flatMap((r, i) => [
        env.DB.prepare('INSERT INTO members (id, email, name, created_at) VALUES (?, ?, ?, ?)').bind(r.id, `${r.id}@example.com`, r.name, now),
        env.DB.prepare('INSERT INTO reviews (id, draft_id, reviewer_id, body, word_count, created_at) VALUES (?, ?, ?, ?, ?, ?)').bind(`rv${r.id}`, draft.id, r.id, words(160), 160, now + i),
      ]),
    );
    await runCron(now + 60_000);
    await runCron(now + config.email.digestEveryMs + 120_000);
    const digests = await outboxTo(author.email, 'reviews_digest');
    const text = digests.map((d) => d.text_body).join('\n');
    for (const r of reviewers) expect(text.split(`${r.name} on “Crowded”`).length - 1).toBe(1);
  });

  it('rating a review helpful emails the reviewer with the bonus; not helpful sends nothing', async () => {
    const author = await signIn();
    const { reviewer, review } = await reviewed(author);
    expect((await call(`/api/v1/reviews/${review.id}/rating`, { token: author.token, body: { helpful: true } })).status).toBe(200);
    const [email] = await outboxTo(reviewer.email, 'review_rated');
    expect(email!.text_body).toContain(`bonus of ${config.credits.helpfulBonus} credit`);
    expectNotificationShape(email!, reviewer.member.name);

    const other = await reviewed(author, 1);
    await call(`/api/v1/reviews/${other.review.id}/rating`, { token: author.token, body: { helpful: false } });
    expect(await outboxTo(other.reviewer.email)).toHaveLength(0);
  });

  it('a reply emails the other side of the thread, unless they turned activity email off', async () => {
    const author = await signIn();
    const { reviewer, review } = await reviewed(author);
    await call(`/api/v1/reviews/${review.id}/replies`, { token: author.token, body: { body: 'Thank you, that helps.' } });
    const [toReviewer] = await outboxTo(reviewer.email, 'reply_received');
    expect(toReviewer!.text_body).toContain('> Thank you, that helps.');
    await call(`/api/v1/reviews/${review.id}/replies`, { token: reviewer.token, body: { body: 'Glad to help!' } });
    const [toAuthor] = await outboxTo(author.email, 'reply_received');
    expect(toAuthor!.subject).toContain(reviewer.member.name);

    await call('/api/v1/me', { method: 'PATCH', token: author.token, body: { notifications: { activity: false } } });
    await call(`/api/v1/reviews/${review.id}/replies`, { token: reviewer.token, body: { body: 'One more thing.' } });
    expect(await outboxTo(author.email, 'reply_received')).toHaveLength(1);
  });

  it('a claim gets one reminder 12 hours before it expires and one notice when it has', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const draft = await postDraftOk(author, { title: 'Tidewater' });
    const claimed = await call(`/api/v1/drafts/${draft.id}/claims`, { method: 'POST', token: reviewer.token });
    const claim = (await claimed.json()) as { expiresAt: string };
    const expiresAt = Date.parse(claim.expiresAt);

    await runCron(expiresAt - 13 * 3_600_000);
    expect(await outboxTo(reviewer.email)).toHaveLength(0);
    await runCron(expiresAt - 11 * 3_600_000);
    await runCron(expiresAt - 10 * 3_600_000);
    const reminders = await outboxTo(reviewer.email, 'claim_expiring');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.subject).toBe('Your claim on “Tidewater” ends in 11 h');
    expectNotificationShape(reminders[0]!, reviewer.member.name);

    await runCron(expiresAt + 60_000);
    await runCron(expiresAt + 120_000);
    expect(await outboxTo(reviewer.email, 'claim_expired')).toHaveLength(1);
  });

  it('the new-drafts digest goes only to members who chose genres, daily, without their own drafts', async () => {
    const follower = await signIn();
    const nobody = await signIn();
    await call('/api/v1/me', { method: 'PATCH', token: follower.token, body: { genres: ['screenplay'] } });
    const writer = await signIn();
    await postDraftOk(writer, { title: 'INT. KITCHEN - NIGHT', genre: 'screenplay' });
    await postDraftOk(follower, { title: 'My own script', genre: 'screenplay' });
    await runCron(Date.now() + 60_000);
    const [digest] = await outboxTo(follower.email, 'drafts_digest');
    expect(digest!.text_body).toContain('“INT. KITCHEN - NIGHT”');
    expect(digest!.text_body).not.toContain('My own script');
    expectNotificationShape(digest!, follower.member.name);
    expect(await outboxTo(nobody.email)).toHaveLength(0);
  });

  it('the cron sweep delivers what is due to the dev mailbox', async () => {
    const author = await signIn();
    await reviewed(author);
    await runCron(Date.now() + 60_000);
    const [email] = await outboxTo(author.email, 'review_received');
    expect(email!.status).toBe('sent');
    const mailbox = (await (await call('/dev/mailbox.json')).json()) as Array<{ to: string; subject: string; headers: Record<string, string> }>;
    const delivered = mailbox.find((m) => m.to === author.email && m.subject === email!.subject);
    expect(delivered?.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  });
});
