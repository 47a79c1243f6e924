import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { config } from '../src/config';
import { deliverOutbox } from '../src/email/deliver';
import { enqueueEmail } from '../src/email/outbox';
import { resendTransport } from '../src/email/resend-transport';
import { app } from '../src/index';
import { FakeResend, type Outcome } from './fake-resend';
import { latestLinkToken, requestLink, rows, runCron, uniqueEmail, uniqueIp } from './helpers';

const resendEnv = { ...env, RESEND_API_KEY: 're_test_key', RESEND_BASE_URL: 'https://resend.fake' };
const transport = () => resendTransport({ apiKey: 're_test_key', baseUrl: 'https://resend.fake', from: 'Volley <v@volley.test>', timeoutMs: 30 });
const ctx = { waitUntil: () => {}, passThroughOnException: () => {}, props: {} } as unknown as ExecutionContext;

afterEach(() => vi.restoreAllMocks());

/** Puts `count` emails in the outbox, as events would, and returns their ids. */
async function outboxEmails(count: number, now: number): Promise<string[]> {
  const emails = Array.from({ length: count }, (_, i) =>
    enqueueEmail(env.DB, { kind: 'sign_in', memberId: null, message: { to: uniqueEmail(`to${i}`), subject: `Email ${i}`, text: 't', html: '<p>h</p>' } }, now),
  );
  await env.DB.batch(emails.map((e) => e.statement));
  return emails.map((e) => e.id);
}

type Row = { id: string; status: string; attempts: number; next_attempt_at: number; last_error: string | null };
const outboxRows = (ids: string[]) =>
  rows<Row>(`SELECT id, status, attempts, next_attempt_at, last_error FROM email_outbox WHERE id IN (${ids.map(() => '?').join(',')})`, ...ids);

/** Runs sweeps as the cron would, moving the clock past every retry, until nothing is left to try. */
async function sweepUntilSettled(ids: string[], start: number) {
  let now = start;
  for (let run = 0; run < 20; run++) {
    await deliverOutbox(resendEnv, now, { ids, transport: transport(), paceMs: 0, random: () => 0.5 });
    if ((await outboxRows(ids)).every((r) => r.status === 'sent' || r.status === 'dead')) return;
    now += 9 * 60 * 60 * 1000;
  }
}

describe('outbox delivery through Resend', () => {
  it('with Resend failing half of all calls in every way, each email is sent exactly once and none vanishes', async () => {
    const failures: Outcome[] = [{ status: 500 }, 'lost', { status: 429, retryAfter: 1 }, 'hang', { status: 503 }];
    const fake = new FakeResend((call) => (call % 2 === 0 ? failures[(call / 2) % failures.length]! : 'ok'));
    fake.install();
    const now = Date.now();
    const ids = await outboxEmails(12, now);

    await sweepUntilSettled(ids, now);

    const final = await outboxRows(ids);
    expect(final.map((r) => r.status)).toEqual(ids.map(() => 'sent'));
    expect([...fake.sent].sort()).toEqual([...ids].sort());
    // Some emails were requested more than once (retries), yet each was sent once: the key is the outbox id.
    expect(fake.requests.length).toBeGreaterThan(ids.length);
    for (const request of fake.requests) expect(ids).toContain(request.headers['idempotency-key']);
  });

  it('retries a 500 on the backoff schedule (30 s, 1 min, 5 min ±20 %) and sends on the 4th attempt', async () => {
    let failuresLeft = 3;
    new FakeResend(() => (failuresLeft-- > 0 ? { status: 500 } : 'ok')).install();
    const start = Date.now();
    const [id] = await outboxEmails(1, start);
    let now = start;
    for (const expectedDelay of config.email.retryDelaysMs.slice(0, 3)) {
      await deliverOutbox(resendEnv, now, { ids: [id!], transport: transport(), paceMs: 0 });
      const [row] = await outboxRows([id!]);
      expect(row!.status).toBe('pending');
      expect(row!.next_attempt_at - now).toBeGreaterThanOrEqual(expectedDelay * 0.8);
      expect(row!.next_attempt_at - now).toBeLessThanOrEqual(expectedDelay * 1.2);
      expect(row!.last_error).toContain('500');
      // Not due yet: a sweep now leaves it alone.
      await deliverOutbox(resendEnv, now + 1, { ids: [id!], transport: transport(), paceMs: 0 });
      expect((await outboxRows([id!]))[0]!.attempts).toBe(row!.attempts);
      now = row!.next_attempt_at;
    }
    await deliverOutbox(resendEnv, now, { ids: [id!], transport: transport(), paceMs: 0 });
    expect((await outboxRows([id!]))[0]).toMatchObject({ status: 'sent', attempts: 4 });
  });

  it('honours Resend’s retry-after when it is longer than the schedule', async () => {
    new FakeResend(() => ({ status: 429, retryAfter: 600 })).install();
    const now = Date.now();
    const [id] = await outboxEmails(1, now);
    await deliverOutbox(resendEnv, now, { ids: [id!], transport: transport(), paceMs: 0 });
    const [row] = await outboxRows([id!]);
    expect(row!.status).toBe('pending');
    expect(row!.next_attempt_at - now).toBeGreaterThanOrEqual(600_000);
  });

  it('a timed-out call is retried with the same key and sent once', async () => {
    const fake = new FakeResend((call) => (call === 0 ? 'hang' : 'ok'));
    fake.install();
    const now = Date.now();
    const [id] = await outboxEmails(1, now);
    await deliverOutbox(resendEnv, now, { ids: [id!], transport: transport(), paceMs: 0 });
    expect((await outboxRows([id!]))[0]!.last_error).toMatch(/no answer/);
    await sweepUntilSettled([id!], now + 60_000);
    expect(fake.requests.map((r) => r.headers['idempotency-key'])).toEqual([id, id]);
    expect(fake.sent).toEqual([id]);
  });

  it('a 422 validation error is dead at once, with the reason kept', async () => {
    const fake = new FakeResend(() => ({ status: 422 }));
    fake.install();
    const now = Date.now();
    const [id] = await outboxEmails(1, now);
    await deliverOutbox(resendEnv, now, { ids: [id!], transport: transport(), paceMs: 0 });
    const [row] = await outboxRows([id!]);
    expect(row).toMatchObject({ status: 'dead', attempts: 1 });
    expect(row!.last_error).toContain('422');
    expect(fake.requests).toHaveLength(1);
  });

  it('after the 8th failed attempt the email is dead and stays visible', async () => {
    const fake = new FakeResend(() => ({ status: 500 }));
    fake.install();
    const now = Date.now();
    const [id] = await outboxEmails(1, now);
    await sweepUntilSettled([id!], now);
    const [row] = await outboxRows([id!]);
    expect(row).toMatchObject({ status: 'dead', attempts: config.email.maxAttempts });
    expect(fake.requests).toHaveLength(config.email.maxAttempts);
  });

  it('two sweeps running at once never send the same email twice', async () => {
    const fake = new FakeResend();
    fake.install();
    const now = Date.now();
    const ids = await outboxEmails(10, now);
    await Promise.all([
      deliverOutbox(resendEnv, now, { ids, transport: transport(), paceMs: 0 }),
      deliverOutbox(resendEnv, now, { ids, transport: transport(), paceMs: 0 }),
      deliverOutbox(resendEnv, now, { ids, transport: transport(), paceMs: 0 }),
    ]);
    const keys = fake.requests.map((r) => r.headers['idempotency-key']);
    expect(keys.length).toBe(10);
    expect(new Set(keys).size).toBe(10);
    expect((await outboxRows(ids)).every((r) => r.status === 'sent')).toBe(true);
  });

  it('sends with the key, both bodies, and the outbox id as Idempotency-Key', async () => {
    const fake = new FakeResend();
    fake.install();
    const now = Date.now();
    const [id] = await outboxEmails(1, now);
    await deliverOutbox(resendEnv, now, { ids: [id!], transport: transport(), paceMs: 0 });
    const [request] = fake.requests;
    expect(request!.url).toBe('https://resend.fake/emails');
    expect(request!.headers.authorization).toBe('Bearer re_test_key');
    expect(request!.headers['idempotency-key']).toBe(id);
    expect(request!.body.text).toBe('t');
    expect(request!.body.html).toBe('<p>h</p>');
  });
});

/** A transport whose sends wait until the test settles them. */
function heldTransport() {
  const settle: Array<(outcome: 'ok' | 'fail') => void> = [];
  const transport = {
    name: 'resend' as const,
    send: () =>
      new Promise<{ providerId: string | null }>((resolve, reject) =>
        settle.push((outcome) => (outcome === 'ok' ? resolve({ providerId: 're_late' }) : reject(new Error('connection reset')))),
      ),
  };
  return { transport, settle };
}

describe('the sweep’s lock and attempt token', () => {
  it('a sweep whose lock lapsed cannot record its late outcome over the sweep that took the row after it', async () => {
    const now = Date.now();
    const [id] = await outboxEmails(1, now);
    const first = heldTransport();
    const firstSweep = deliverOutbox(resendEnv, now, { ids: [id!], transport: first.transport, paceMs: 0 });
    await vi.waitUntil(() => first.settle.length === 1);
    const second = heldTransport();
    const secondSweep = deliverOutbox(resendEnv, now + config.email.sendLockMs + 1, { ids: [id!], transport: second.transport, paceMs: 0 });
    await vi.waitUntil(() => second.settle.length === 1);

    first.settle[0]!('fail');
    await firstSweep;
    expect((await outboxRows([id!]))[0]).toMatchObject({ status: 'sending', attempts: 2 });
    second.settle[0]!('ok');
    await secondSweep;
    expect((await outboxRows([id!]))[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('the lock outlasts the longest sweep: every row of a batch paced and timing out', () => {
    const { sweepBatchSize, minMsBetweenSends, sendTimeoutMs, sendLockMs, sweepBudgetMs } = config.email;
    expect(sendLockMs).toBeGreaterThan(sweepBatchSize * (minMsBetweenSends + sendTimeoutMs));
    expect(sendLockMs).toBeGreaterThan(sweepBudgetMs + sendTimeoutMs);
  });

  it('a sweep past its time budget sends no more and gives the rest back, untouched', async () => {
    const fake = new FakeResend();
    fake.install();
    const now = Date.now();
    const ids = await outboxEmails(3, now);
    let elapsed = 0;
    await deliverOutbox(resendEnv, now, { ids, transport: transport(), paceMs: 0, elapsed: () => (elapsed += config.email.sweepBudgetMs / 2) });
    const after = await outboxRows(ids);
    expect(after.filter((r) => r.status === 'sent')).toHaveLength(1);
    expect(after.filter((r) => r.status === 'pending').map((r) => r.attempts)).toEqual([0, 0]);
    expect(fake.requests).toHaveLength(1);
  });

  it('sent_at comes from the injected clock', async () => {
    new FakeResend().install();
    const now = Date.now() + 5 * 86_400_000;
    const [id] = await outboxEmails(1, now);
    await deliverOutbox(resendEnv, now, { ids: [id!], transport: transport(), paceMs: 0 });
    expect(await rows('SELECT status, sent_at FROM email_outbox WHERE id = ?', id)).toEqual([{ status: 'sent', sent_at: now }]);
  });
});

describe('email at rest', () => {
  it('a sign-in row keeps no token once sent', async () => {
    const email = uniqueEmail();
    await requestLink(email);
    const token = await latestLinkToken(email);
    const [row] = await rows<{ status: string; text_body: string; html_body: string }>('SELECT status, text_body, html_body FROM email_outbox WHERE to_address = ?', email);
    expect(row!.status).toBe('sent');
    expect(row!.text_body + row!.html_body).not.toContain(token);
    expect(await rows('SELECT id FROM email_outbox WHERE instr(text_body, ?) > 0 OR instr(html_body, ?) > 0 OR instr(headers, ?) > 0', token, token, token)).toEqual([]);
  });

  it('the cron purges sent email after the retention period and keeps dead and pending email', async () => {
    const now = Date.now();
    const old = now - config.email.sentRetentionMs - 60_000;
    const insert = (id: string, status: string, at: number) =>
      env.DB.prepare(
        `INSERT INTO email_outbox (id, kind, to_address, subject, text_body, html_body, status, attempts, next_attempt_at, sent_at, created_at)
         VALUES (?, 'review_received', 'kept@example.com', 's', 't', 'h', ?, 1, ?, ?, ?)`,
      ).bind(id, status, at, status === 'sent' ? at : null, at).run();
    await insert('purge-old-sent', 'sent', old);
    await insert('keep-new-sent', 'sent', now - 60_000);
    await insert('keep-old-dead', 'dead', old);
    await runCron(now);
    const left = await rows<{ id: string }>("SELECT id FROM email_outbox WHERE id IN ('purge-old-sent', 'keep-new-sent', 'keep-old-dead') ORDER BY id");
    expect(left.map((r) => r.id)).toEqual(['keep-new-sent', 'keep-old-dead']);
  });
});

describe('sign-in email through the outbox', () => {
  const postMagicLink = (email: string, bindings: typeof env) =>
    app.request(
      'https://volley.test/api/v1/auth/magic-link',
      { method: 'POST', headers: { 'content-type': 'application/json', 'cf-connecting-ip': uniqueIp() }, body: JSON.stringify({ email }) },
      bindings,
      ctx,
    );

  it('with a Resend key, the dev mailbox is a 404 (page and JSON)', async () => {
    for (const path of ['/dev/mailbox', '/dev/mailbox.json']) {
      expect((await app.request(`https://volley.test${path}`, {}, resendEnv, ctx)).status).toBe(404);
    }
  });

  it('goes to RESEND_BASE_URL at once, with no unsubscribe headers (it is transactional)', async () => {
    const fake = new FakeResend();
    fake.install();
    const email = uniqueEmail();
    expect((await postMagicLink(email, resendEnv)).status).toBe(202);
    const [request] = fake.requests;
    expect(request!.url).toBe('https://resend.fake/emails');
    expect(request!.body.to).toBe(email);
    expect(request!.body.text).toContain('https://volley.test/auth/callback?token=');
    expect(request!.body.html).toContain('https://volley.test/auth/callback?token=');
    expect(request!.body.headers ?? {}).not.toHaveProperty('List-Unsubscribe');
    const [row] = await rows<{ status: string }>('SELECT status FROM email_outbox WHERE to_address = ?', email);
    expect(row!.status).toBe('sent');
  });

  it('during a Resend outage the request still succeeds and the email waits in the outbox', async () => {
    new FakeResend(() => ({ status: 500 })).install();
    const email = uniqueEmail();
    expect((await postMagicLink(email, resendEnv)).status).toBe(202);
    const [row] = await rows<{ status: string; last_error: string }>('SELECT status, last_error FROM email_outbox WHERE to_address = ?', email);
    expect(row).toMatchObject({ status: 'pending' });
    expect(row!.last_error).toContain('500');
  });

  it('without a key, the dev mailbox lists email newest last, as a page and as JSON', async () => {
    const first = uniqueEmail('first');
    const second = uniqueEmail('second');
    expect((await postMagicLink(first, env)).status).toBe(202);
    expect((await postMagicLink(second, env)).status).toBe(202);
    const json = (await (await app.request('https://volley.test/dev/mailbox.json', {}, env, ctx)).json()) as Array<Record<string, string>>;
    const mine = json.filter((m) => m.to === first || m.to === second);
    expect(mine.map((m) => m.to)).toEqual([first, second]);
    expect(Object.keys(mine[0]!)).toEqual(expect.arrayContaining(['id', 'to', 'subject', 'text', 'html', 'createdAt']));
    const page = await (await app.request('https://volley.test/dev/mailbox', {}, env, ctx)).text();
    expect(page).toContain(second);
    expect(page).toMatch(/<a href="https:\/\/volley\.test\/auth\/callback\?token=/);
  });
});
