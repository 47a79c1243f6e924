import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { app } from '../src/index';
import { expectErrorShape, uniqueEmail, uniqueIp } from './helpers';

const resendEnv = { ...env, RESEND_API_KEY: 're_test_key', RESEND_BASE_URL: 'https://resend.fake' };
const ctx = { waitUntil: () => {}, passThroughOnException: () => {}, props: {} } as unknown as ExecutionContext;

function postMagicLink(email: string, bindings: typeof env) {
  return app.request(
    'https://volley.test/api/v1/auth/magic-link',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': uniqueIp() },
      body: JSON.stringify({ email }),
    },
    bindings,
    ctx,
  );
}

afterEach(() => vi.restoreAllMocks());

describe('email transports', () => {
  it('with a Resend key, the dev mailbox is a 404 (page and JSON)', async () => {
    for (const path of ['/dev/mailbox', '/dev/mailbox.json']) {
      const response = await app.request(`https://volley.test${path}`, {}, resendEnv, ctx);
      expect(response.status).toBe(404);
    }
  });

  it('with a Resend key, sign-in email goes to RESEND_BASE_URL with the key, both bodies and an idempotency key', async () => {
    const fetchSpy = vi
      .spyOn(globalThis, 'fetch')
      .mockImplementation(async () => Response.json({ id: 'email_123' }, { status: 200 }));
    const email = uniqueEmail();
    const response = await postMagicLink(email, resendEnv);
    expect(response.status).toBe(202);

    expect(fetchSpy).toHaveBeenCalledTimes(1);
    const [url, init] = fetchSpy.mock.calls[0]!;
    expect(String(url)).toBe('https://resend.fake/emails');
    const headers = new Headers(init?.headers);
    expect(headers.get('authorization')).toBe('Bearer re_test_key');
    expect(headers.get('idempotency-key')).toMatch(/^sign-in:/);
    const sent = JSON.parse(String(init?.body)) as { to: string; subject: string; text: string; html: string };
    expect(sent.to).toBe(email);
    expect(sent.text).toContain('https://volley.test/auth/callback?token=');
    expect(sent.html).toContain('https://volley.test/auth/callback?token=');
  });

  it('a Resend failure is a 503 in the error shape, not a silent success', async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () =>
      Response.json({ name: 'internal_server_error', message: 'down', statusCode: 500 }, { status: 500 }),
    );
    await expectErrorShape(await postMagicLink(uniqueEmail(), resendEnv), 503, 'email_unavailable');
  });

  it('without a key, the dev mailbox lists email newest last, as a page and as JSON', async () => {
    const first = uniqueEmail('first');
    const second = uniqueEmail('second');
    expect((await postMagicLink(first, env)).status).toBe(202);
    expect((await postMagicLink(second, env)).status).toBe(202);
    const json = (await (await app.request('https://volley.test/dev/mailbox.json', {}, env, ctx)).json()) as Array<{
      to: string;
      text: string;
      html: string;
      subject: string;
      createdAt: string;
      id: string;
    }>;
    const mine = json.filter((m) => m.to === first || m.to === second);
    expect(mine.map((m) => m.to)).toEqual([first, second]);
    expect(Object.keys(mine[0]!)).toEqual(expect.arrayContaining(['id', 'to', 'subject', 'text', 'html', 'createdAt']));
    const page = await (await app.request('https://volley.test/dev/mailbox', {}, env, ctx)).text();
    expect(page).toContain(second);
    expect(page).toMatch(/<a href="https:\/\/volley\.test\/auth\/callback\?token=/);
  });
});
