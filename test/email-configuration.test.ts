import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { unsubscribeUrl } from '../src/email/unsubscribe';
import worker from '../src/index';
import { TEST_CLOCK_HEADER } from '../src/lib/clock';
import { FakeResend } from './fake-resend';
import { call, json, postDraftOk, reviewOf, rows, signIn, uniqueEmail, uniqueIp } from './helpers';

type Bindings = typeof env;

/** The deployment as an operator might leave it: the test bindings with some settings changed or missing. */
const deployed = (changes: Partial<Record<keyof Bindings, string | undefined>>): Bindings => ({ ...env, ...changes }) as Bindings;
const resend = { RESEND_API_KEY: 're_test_key', RESEND_BASE_URL: 'https://resend.fake', DEV_MAILBOX: undefined };

afterEach(() => vi.restoreAllMocks());

async function request(bindings: Bindings, url: string, init: RequestInit & { now?: number } = {}) {
  const headers = new Headers(init.headers);
  headers.set('cf-connecting-ip', uniqueIp());
  if (init.now) headers.set(TEST_CLOCK_HEADER, String(init.now));
  const ctx = createExecutionContext();
  const response = await worker.fetch!(new Request(url, { ...init, headers }) as Request<unknown, IncomingRequestCfProperties>, bindings, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

const askForLink = (bindings: Bindings, email: string, origin = 'https://volley.test') =>
  request(bindings, `${origin}/api/v1/auth/magic-link`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });

async function cron(bindings: Bindings, scheduledTime: number) {
  const ctx = createExecutionContext();
  await worker.scheduled!(createScheduledController({ scheduledTime, cron: '* * * * *' }), bindings, ctx);
  await waitOnExecutionContext(ctx);
}

const problemsOf = async (bindings: Bindings) => (await json<{ problems: string[] }>(await request(bindings, 'https://volley.test/api/v1/health'))).problems;
const outbox = (to: string, kinds = "kind = 'sign_in'") =>
  rows<{ kind: string; status: string; attempts: number }>(`SELECT kind, status, attempts FROM email_outbox WHERE to_address = ? AND ${kinds}`, to);
const reviewEmails = (to: string) => outbox(to, "kind = 'review_received'");

/** A review of a new draft by `author`, written while the deployment is `bindings`. */
async function reviewUnder(bindings: Bindings) {
  const author = await signIn();
  const reviewer = await signIn();
  const draft = await postDraftOk(author);
  const response = await request(bindings, `https://volley.test/api/v1/drafts/${draft.id}/reviews`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${reviewer.token}` },
    body: JSON.stringify(reviewOf()),
  });
  expect(response.status).toBe(201);
  return author;
}

describe('the dev mailbox is on only where switched on explicitly', () => {
  it('without DEV_MAILBOX and without a Resend key: /dev/mailbox is 404, email stays pending, health names the problem', async () => {
    const bindings = deployed({ DEV_MAILBOX: undefined });
    for (const path of ['/dev/mailbox', '/dev/mailbox.json']) expect((await request(bindings, `https://volley.test${path}`)).status).toBe(404);
    const email = uniqueEmail();
    expect((await askForLink(bindings, email)).status).toBe(202);
    expect(await outbox(email)).toMatchObject([{ kind: 'sign_in', status: 'pending', attempts: 0 }]);
    expect(await rows('SELECT id FROM dev_mailbox WHERE "to" = ?', email)).toEqual([]);
    expect(await problemsOf(bindings)).toEqual([expect.stringMatching(/^RESEND_API_KEY is not set: .*held/)]);
  });

  it('with DEV_MAILBOX=true on a public https origin it stays off', async () => {
    for (const bindings of [deployed({ APP_ORIGIN: 'https://volley.example' }), deployed({ APP_ORIGIN: '' })]) {
      expect((await request(bindings, 'https://volley.example/dev/mailbox.json')).status).toBe(404);
    }
    const bindings = deployed({ APP_ORIGIN: 'https://volley.example' });
    const email = uniqueEmail();
    expect((await askForLink(bindings, email, 'https://volley.example')).status).toBe(202);
    expect(await rows('SELECT id FROM dev_mailbox WHERE "to" = ?', email)).toEqual([]);
    expect(await problemsOf(bindings)).toContainEqual(expect.stringMatching(/^DEV_MAILBOX is ignored on an https origin/));
  });

  it('the unsubscribe HMAC does not fall back to a fixed secret without the switch', async () => {
    const member = await signIn();
    const bindings = deployed({ DEV_MAILBOX: undefined, UNSUBSCRIBE_SECRET: undefined });
    const forged = await unsubscribeUrl('https://volley.test', 'volley-dev-only-unsubscribe-secret', member.member.id, 'reviews');
    expect((await request(bindings, forged, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' })).status).toBe(400);
    expect(await rows('SELECT notify_reviews FROM members WHERE id = ?', member.member.id)).toEqual([{ notify_reviews: 'each' }]);
  });
});

describe('a half-configured production', () => {
  it('with a Resend key and no UNSUBSCRIBE_SECRET, sign-in email goes out, notifications wait (pending, not dead) and the cron does not throw', async () => {
    const fake = new FakeResend();
    fake.install();
    const bindings = deployed({ ...resend, UNSUBSCRIBE_SECRET: undefined });
    const email = uniqueEmail();
    expect((await askForLink(bindings, email)).status).toBe(202);
    expect(fake.requests.map((r) => r.body.to)).toEqual([email]);

    const author = await reviewUnder(bindings);
    const now = Date.now();
    await cron(bindings, now + 60_000);
    await cron(bindings, now + 3 * 3_600_000);
    expect(await reviewEmails(author.email)).toEqual([{ kind: 'review_received', status: 'pending', attempts: 0 }]);
    expect(await problemsOf(bindings)).toEqual([expect.stringMatching(/^UNSUBSCRIBE_SECRET is not set: notifications are held/)]);

    await cron(deployed(resend), now + 4 * 3_600_000);
    expect(await reviewEmails(author.email)).toMatchObject([{ kind: 'review_received', status: 'sent' }]);
    const sent = fake.requests.find((r) => r.body.to === author.email && r.body.subject.includes('reviewed'))!;
    expect(sent.body.headers?.['List-Unsubscribe']).toMatch(/^<https:\/\/volley\.test\/unsubscribe\?/);
  });

  it('with a Resend key and no APP_ORIGIN, no link is built from the Host or localhost: email waits until APP_ORIGIN is set', async () => {
    const fake = new FakeResend();
    fake.install();
    const bindings = deployed({ ...resend, APP_ORIGIN: '' });
    const email = uniqueEmail();
    expect((await askForLink(bindings, email, 'https://attacker.example')).status).toBe(202);
    const author = await reviewUnder(bindings);
    await cron(bindings, Date.now() + 60_000);
    expect(fake.requests).toEqual([]);
    expect(await outbox(email)).toMatchObject([{ status: 'pending' }]);
    expect(await problemsOf(bindings)).toEqual([expect.stringMatching(/^APP_ORIGIN is not set: all email is held/)]);

    await cron(deployed(resend), Date.now() + 120_000);
    const bodies = fake.requests.filter((r) => r.body.to === email || r.body.to === author.email);
    expect(bodies.map((r) => r.body.to)).toEqual(expect.arrayContaining([email, author.email]));
    for (const { body } of bodies) {
      const text = `${body.text}${body.html}${JSON.stringify(body.headers ?? {})}`;
      expect(text).not.toMatch(/attacker\.example|localhost/);
      expect(text).toContain('https://volley.test/');
    }
  });

  it('with a Resend key, an APP_ORIGIN that is not https holds email and health says so', async () => {
    const fake = new FakeResend();
    fake.install();
    const bindings = deployed({ ...resend, APP_ORIGIN: 'http://volley.example' });
    expect((await askForLink(bindings, uniqueEmail())).status).toBe(202);
    expect(fake.requests).toEqual([]);
    expect(await problemsOf(bindings)).toEqual([expect.stringMatching(/^APP_ORIGIN is not an https origin: all email is held/)]);
  });
});

describe('GET /api/v1/health', () => {
  it('names no problem when everything is configured, and stays one D1 call', async () => {
    const response = await call('/api/v1/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, database: 'reachable', problems: [] });
    expect(response.headers.get('server-timing')).toContain('d1-calls;desc=1');
  });

  it('names each missing setting and what it holds back, still with 200', async () => {
    const response = await request(deployed({ ...resend, APP_ORIGIN: '', UNSUBSCRIBE_SECRET: undefined, RESEND_WEBHOOK_SECRET: undefined }), 'https://volley.test/api/v1/health');
    expect(response.status).toBe(200);
    const { problems } = await json<{ problems: string[] }>(response);
    expect(problems).toEqual([
      expect.stringMatching(/^APP_ORIGIN is not set: all email is held/),
      expect.stringMatching(/^UNSUBSCRIBE_SECRET is not set: notifications are held/),
      expect.stringMatching(/^RESEND_WEBHOOK_SECRET is not set: /),
    ]);
  });
});
