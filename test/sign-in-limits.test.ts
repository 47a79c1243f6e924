import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { config } from '../src/config';
import { sha256Hex } from '../src/lib/ids';
import { call, count, expectErrorShape, requestLink, rows, runCron, uniqueEmail, uniqueIp } from './helpers';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The per-minute limiters are Cloudflare's and count real time; daily caps are ours, so these tests step past the former. */
const unlimited = { limit: async () => ({ success: true }) } as unknown as RateLimit;
const noMinuteLimits = { MAGIC_LINK_EMAIL_LIMITER: unlimited, MAGIC_LINK_IP_LIMITER: unlimited };

const ask = (email: string, options: { ip?: string; now?: number; env?: Record<string, unknown> } = {}) =>
  requestLink(email, { ...options, env: { ...noMinuteLimits, ...options.env } });

async function setCount(key: string, day: number, value: number) {
  await env.DB.prepare(
    `INSERT INTO sign_in_counts (key_hash, day, count, cap) VALUES (?, ?, ?, 1000000)
     ON CONFLICT (key_hash, day) DO UPDATE SET count = excluded.count`,
  )
    .bind(await sha256Hex(key), day, value)
    .run();
}

const today = () => Math.floor(Date.now() / DAY_MS);

describe('daily caps on sign-in email', () => {
  it('counts each sign-in email per address and per IP in D1, hashed', async () => {
    const email = uniqueEmail();
    const ip = uniqueIp();
    await ask(email, { ip });
    await ask(email, { ip });
    const [address] = await rows<{ count: number }>('SELECT count FROM sign_in_counts WHERE key_hash = ?', await sha256Hex(`address:${email}`));
    const [client] = await rows<{ count: number }>('SELECT count FROM sign_in_counts WHERE key_hash = ?', await sha256Hex(`ip:${ip}`));
    expect(address?.count).toBe(2);
    expect(client?.count).toBe(2);
    expect(await count('sign_in_counts', 'key_hash = ?', email)).toBe(0);
  });

  it('past the daily cap per address: 429 until tomorrow, and no token or email written', async () => {
    const email = uniqueEmail();
    for (let i = 0; i < config.auth.dailyLinksPerAddress; i++) expect((await ask(email)).status).toBe(202);
    const tokens = await count('login_tokens', 'email = ?', email);
    const emails = await count('email_outbox', 'to_address = ?', email);

    const refused = await ask(email);
    await expectErrorShape(refused, 429, 'daily_limit');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(DAY_MS / 1000);
    expect(await count('login_tokens', 'email = ?', email)).toBe(tokens);
    expect(await count('email_outbox', 'to_address = ?', email)).toBe(emails);

    const tomorrow = (today() + 1) * DAY_MS + 60_000;
    expect((await ask(email, { now: tomorrow })).status).toBe(202);
  });

  it('past the daily cap per IP: 429 for any address from it', async () => {
    const ip = uniqueIp();
    await setCount(`ip:${ip}`, today(), config.auth.dailyLinksPerIp - 1);
    expect((await ask(uniqueEmail(), { ip })).status).toBe(202);
    const stranger = uniqueEmail();
    await expectErrorShape(await ask(stranger, { ip }), 429, 'daily_limit');
    expect(await count('email_outbox', 'to_address = ?', stranger)).toBe(0);
    expect((await ask(uniqueEmail(), { ip: uniqueIp() })).status).toBe(202);
  });

  it('many requests at once for one address never pass the cap', async () => {
    const email = uniqueEmail();
    await setCount(`address:${email}`, today(), config.auth.dailyLinksPerAddress - 3);
    const results = await Promise.all(Array.from({ length: 8 }, () => ask(email)));
    expect(results.filter((r) => r.status === 202)).toHaveLength(3);
    expect(await count('email_outbox', 'to_address = ?', email)).toBe(3);
  });
});

describe('a bounced or complained address', () => {
  it('answers the same 202 as every address, and nothing is written or sent', async () => {
    const bounced = uniqueEmail('bounced');
    await env.DB.prepare(`INSERT INTO suppressions (email, reason, created_at) VALUES (?, 'bounced', ?)`).bind(bounced, Date.now()).run();
    const forBounced = await requestLink(bounced);
    const forFresh = await requestLink(uniqueEmail('fresh'));
    expect(forBounced.status).toBe(202);
    expect(await forBounced.text()).toBe(await forFresh.text());
    expect(await count('login_tokens', 'email = ?', bounced)).toBe(0);
    expect(await count('email_outbox', 'to_address = ?', bounced)).toBe(0);
    expect(await count('dev_mailbox', '"to" = ?', bounced)).toBe(0);
  });

  it('through the form it lands on the same check-your-email page, which says what to try', async () => {
    const bounced = uniqueEmail('bounced');
    await env.DB.prepare(`INSERT INTO suppressions (email, reason, created_at) VALUES (?, 'complained', ?)`).bind(bounced, Date.now()).run();
    const response = await call('/auth/sign-in', {
      method: 'POST',
      rawBody: new URLSearchParams({ email: bounced }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://volley.test' },
    });
    expect(response.status).toBe(303);
    const page = await (await call(response.headers.get('location')!)).text();
    expect(page).toContain('Nothing arrived?');
    expect(page).toContain('spam');
    expect(page).toContain('bounced');
  });
});

describe('the daily sending budget', () => {
  it('past the budget only sign-in email goes out; the rest waits for the next day', async () => {
    const now = Date.now();
    // The day's budget already spent, by earlier sends.
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO email_outbox (id, kind, to_address, subject, text_body, html_body, status, next_attempt_at, created_at, sent_at)
       SELECT 'budget' || i, 'review_received', 'x' || i || '@example.com', 's', 't', 'h', 'sent', ?, ?, ? FROM n`,
    )
      .bind(config.email.dailySendingBudget, now, now, now)
      .run();
    await env.DB.prepare(
      `INSERT INTO email_outbox (id, kind, to_address, subject, text_body, html_body, next_attempt_at, created_at)
       VALUES ('waiting-notice', 'review_received', 'w@example.com', 's', 't', 'h', ?, ?)`,
    )
      .bind(now, now)
      .run();

    const email = uniqueEmail();
    expect((await requestLink(email)).status).toBe(202);
    expect(await count('dev_mailbox', '"to" = ?', email)).toBe(1);

    await runCron(now + 1000);
    const [notice] = await rows<{ status: string }>(`SELECT status FROM email_outbox WHERE id = 'waiting-notice'`);
    expect(notice!.status).toBe('pending');

    await runCron((today() + 1) * DAY_MS + 1000);
    const [later] = await rows<{ status: string }>(`SELECT status FROM email_outbox WHERE id = 'waiting-notice'`);
    expect(later!.status).toBe('sent');
  });
});

describe('Turnstile, when TURNSTILE_SECRET is set', () => {
  const turnstile = { TURNSTILE_SECRET: 'ts-secret', TURNSTILE_SITE_KEY: 'ts-site', TURNSTILE_VERIFY_URL: 'https://turnstile.fake/siteverify' };
  afterEach(() => vi.restoreAllMocks());

  function fakeSiteverify() {
    const seen: Array<{ url: string; secret: string; response: string }> = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const form = init?.body as FormData;
      seen.push({ url: String(input), secret: String(form.get('secret')), response: String(form.get('response')) });
      return Response.json({ success: form.get('response') === 'human' });
    });
    return seen;
  }

  it('sends only for a token siteverify accepts; without one or with a bad one, 400 and nothing written', async () => {
    const seen = fakeSiteverify();
    const email = uniqueEmail();
    const none = await call('/api/v1/auth/magic-link', { body: { email }, env: turnstile });
    await expectErrorShape(none, 400, 'turnstile_failed');
    const bad = await call('/api/v1/auth/magic-link', { body: { email, turnstileToken: 'robot' }, env: turnstile });
    await expectErrorShape(bad, 400, 'turnstile_failed');
    expect(await count('login_tokens', 'email = ?', email)).toBe(0);

    const good = await call('/api/v1/auth/magic-link', { body: { email, turnstileToken: 'human' }, env: turnstile });
    expect(good.status).toBe(202);
    expect(await count('login_tokens', 'email = ?', email)).toBe(1);
    expect(seen.at(-1)).toEqual({ url: 'https://turnstile.fake/siteverify', secret: 'ts-secret', response: 'human' });
  });

  it('the home page shows the widget only when it is on, and the form passes its token', async () => {
    const seen = fakeSiteverify();
    expect(await (await call('/')).text()).not.toContain('cf-turnstile');
    const home = await (await call('/', { env: turnstile })).text();
    expect(home).toContain('class="cf-turnstile" data-sitekey="ts-site"');
    const posted = await call('/auth/sign-in', {
      method: 'POST',
      env: turnstile,
      rawBody: new URLSearchParams({ email: uniqueEmail(), 'cf-turnstile-response': 'human' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://volley.test' },
    });
    expect(posted.status).toBe(303);
    expect(seen.at(-1)?.response).toBe('human');
  });

  it('is off without the secret: no call to Cloudflare', async () => {
    const seen = fakeSiteverify();
    expect((await requestLink(uniqueEmail())).status).toBe(202);
    expect(seen).toEqual([]);
  });
});
