import { describe, expect, it } from 'vitest';
import { config } from '../src/config';
import { call, latestLinkToken, latestSignInCode, requestLink, rows, signIn, uniqueEmail } from './helpers';

const confirm = (token: string, options: { cookie?: string; now?: number } = {}) =>
  call('/auth/callback', {
    method: 'POST',
    ...options,
    rawBody: new URLSearchParams({ token }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://volley.test' },
  });

/** The page's words without its tags. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, '');

const tokenRow = async (email: string) =>
  (await rows<{ used_at: number | null; session_id: string | null }>('SELECT used_at, session_id FROM login_tokens WHERE email = ?', email))[0];

describe('the sign-in link changes nothing until a person clicks', () => {
  it('GET, HEAD and a second GET leave the token usable; the page names the masked address with one button and no script of its own', async () => {
    const email = `reader-${crypto.randomUUID().slice(0, 8)}@example.com`;
    await requestLink(email);
    const token = await latestLinkToken(email);

    const first = await call(`/auth/callback?token=${token}`);
    expect(first.status).toBe(200);
    const head = await call(`/auth/callback?token=${token}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    const second = await call(`/auth/callback?token=${token}`);
    expect(second.status).toBe(200);
    expect(first.headers.get('set-cookie')).toBeNull();
    expect(await tokenRow(email)).toEqual({ used_at: null, session_id: null });

    const html = await second.text();
    expect(textOf(html)).toContain('Sign in to Volley as r…@example.com');
    expect(html).not.toContain(email);
    expect(html.match(/<button/g)).toHaveLength(1);
    expect(html).toMatch(/<form method="post" action="\/auth\/callback"[^>]*><input type="hidden" name="token" value="[a-z2-7]+"\/?>/);
    // Scanners run scripts: the only one is the site-wide progressive enhancement, which never submits a form.
    expect(html.match(/<script[^>]*>/g)).toEqual([expect.stringContaining('src="/assets/app.js"')]);
    expect(await head.text()).toBe('');
  });

  it('the form POST signs in and redirects to the dashboard', async () => {
    const email = uniqueEmail();
    await requestLink(email);
    const token = await latestLinkToken(email);
    await call(`/auth/callback?token=${token}`);
    const response = await confirm(token);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/dashboard');
    const session = response.headers.get('set-cookie')!.split(';')[0]!;
    expect((await call('/dashboard', { cookie: session })).status).toBe(200);
    expect((await tokenRow(email))!.used_at).not.toBeNull();
  });

  it('fetching the link never spends the code', async () => {
    const email = uniqueEmail();
    await requestLink(email);
    const token = await latestLinkToken(email);
    await call(`/auth/callback?token=${token}`);
    await call(`/auth/callback?token=${token}`, { method: 'HEAD' });
    const response = await call('/api/v1/auth/session', { body: { email, code: await latestSignInCode(email) } });
    expect(response.status).toBe(200);
  });

  it('a used, expired or made-up link shows a clear message and a way to ask again', async () => {
    const used = uniqueEmail();
    await requestLink(used);
    const usedToken = await latestLinkToken(used);
    expect((await confirm(usedToken)).status).toBe(303);

    const expired = uniqueEmail();
    await requestLink(expired);
    const expiredToken = await latestLinkToken(expired);
    const late = Date.now() + config.auth.linkTokenLifetimeMs + 1000;

    for (const [path, now] of [
      [`/auth/callback?token=${usedToken}`, undefined],
      [`/auth/callback?token=${expiredToken}`, late],
      ['/auth/callback?token=made-up', undefined],
      ['/auth/callback', undefined],
    ] as const) {
      const page = await call(path, { now });
      expect(page.status).toBe(400);
      const html = await page.text();
      expect(html).toContain('This sign-in link cannot be used');
      expect(html).toContain('invalid, expired or already used');
      expect(html).toContain('href="/#sign-in"');
    }
    const posted = await confirm(usedToken);
    expect(posted.status).toBe(400);
    expect(await posted.text()).toContain('href="/#sign-in"');
    expect((await confirm(expiredToken, { now: late })).status).toBe(400);
  });
});

describe('login CSRF: the confirmation says whose account it opens', () => {
  it('warns plainly when the browser is already signed in as someone else', async () => {
    const victim = await signIn();
    const attacker = `attacker-${crypto.randomUUID().slice(0, 8)}@example.com`;
    await requestLink(attacker);
    const page = await call(`/auth/callback?token=${await latestLinkToken(attacker)}`, { cookie: `__Host-volley_session=${victim.token}` });
    const html = await page.text();
    expect(textOf(html)).toContain('Sign in to Volley as a…@example.com');
    expect(html).toContain('This browser is signed in as someone else');
    expect(html).toContain(victim.member.name);
    expect(html).toContain('do not continue');
  });

  it('says nothing alarming when the browser is signed in as the same address', async () => {
    const member = await signIn();
    await requestLink(member.email);
    const page = await call(`/auth/callback?token=${await latestLinkToken(member.email)}`, { cookie: `__Host-volley_session=${member.token}` });
    const html = await page.text();
    expect(html).not.toContain('someone else');
    expect(html).toContain('already signed in as this address');
  });
});
