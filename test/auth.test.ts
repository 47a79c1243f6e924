import { describe, expect, it } from 'vitest';
import { config } from '../src/config';
import {
  call,
  count,
  expectErrorShape,
  latestLinkToken,
  mailbox,
  requestLink,
  rows,
  signIn,
  uniqueEmail,
  uniqueIp,
} from './helpers';

describe('magic-link sign-in', () => {
  it('emails a link and exchanges its token for a session and a new member', async () => {
    const email = uniqueEmail();
    const response = await requestLink(email);
    expect(response.status).toBe(202);

    const [sent] = (await mailbox()).filter((m) => m.to === email);
    expect(sent?.subject).toBe('Your Volley sign-in link');
    expect(sent?.text).toMatch(/https:\/\/volley\.test\/auth\/callback\?token=[a-z2-7]{40,}/);
    expect(sent?.html).toContain('/auth/callback?token=');

    const session = await call('/api/v1/auth/session', { body: { token: await latestLinkToken(email) } });
    expect(session.status).toBe(200);
    const body = (await session.json()) as { token: string; member: { id: string; email: string; name: string } };
    expect(body.member.email).toBe(email);
    expect(body.member.name).toMatch(/^Writer /);

    const me = await call('/api/v1/me', { token: body.token });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: body.member.id, email });
    expect(await count('members', 'email = ?', email)).toBe(1);
  });

  it('stores link and session tokens only as SHA-256 hashes', async () => {
    const email = uniqueEmail();
    await requestLink(email);
    const token = await latestLinkToken(email);
    const [stored] = await rows<{ token_hash: string }>('SELECT token_hash FROM login_tokens WHERE email = ?', email);
    expect(stored?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.token_hash).not.toContain(token);
    // 32 random bytes in base32: 256 bits, well over the 128 required.
    expect(token.length).toBeGreaterThanOrEqual(52);

    const session = (await (await call('/api/v1/auth/session', { body: { token } })).json()) as { token: string };
    expect(await count('sessions', 'token_hash = ?', session.token)).toBe(0);
  });

  it('lower-cases the address, so one person is one member however they type it', async () => {
    const email = uniqueEmail();
    const first = await signIn(email);
    await requestLink(`  ${email.toUpperCase()} `);
    const again = await call('/api/v1/auth/session', { body: { token: await latestLinkToken(email) } });
    const body = (await again.json()) as { member: { id: string } };
    expect(body.member.id).toBe(first.member.id);
    expect(await count('members', 'email = ?', email)).toBe(1);
  });

  it('answers a known and an unknown address identically', async () => {
    const known = await signIn();
    const forKnown = await requestLink(known.email);
    const forUnknown = await requestLink(uniqueEmail('stranger'));
    expect(forKnown.status).toBe(202);
    expect(forUnknown.status).toBe(202);
    expect(await forKnown.text()).toBe(await forUnknown.text());
  });

  it('refuses a used token, and two racing exchanges of one token make one session', async () => {
    const email = uniqueEmail();
    await requestLink(email);
    const token = await latestLinkToken(email);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => call('/api/v1/auth/session', { body: { token } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 400, 400, 400, 400]);
    for (const refused of results.filter((r) => r.status === 400)) await expectErrorShape(refused, 400, 'invalid_token');
    const [member] = await rows<{ id: string }>('SELECT id FROM members WHERE email = ?', email);
    expect(await count('sessions', 'member_id = ?', member!.id)).toBe(1);
  });

  it('refuses an expired token', async () => {
    const email = uniqueEmail();
    await requestLink(email);
    const token = await latestLinkToken(email);
    const later = Date.now() + config.auth.linkTokenLifetimeMs + 1000;
    const response = await call('/api/v1/auth/session', { body: { token }, now: later });
    await expectErrorShape(response, 400, 'invalid_token');
    expect(await count('members', 'email = ?', email)).toBe(0);
  });

  it('refuses a made-up token', async () => {
    const response = await call('/api/v1/auth/session', { body: { token: 'a'.repeat(52) } });
    await expectErrorShape(response, 400, 'invalid_token');
  });

  it('refuses bad input with a clear 400 and writes nothing', async () => {
    const before = await count('login_tokens');
    const cases: Array<[unknown, string]> = [
      [{}, 'email'],
      [{ email: 'not-an-address' }, 'email'],
      [{ email: 42 }, 'email'],
      [{ email: `${'a'.repeat(250)}@example.com` }, 'email'],
      [{ email: uniqueEmail(), admin: true }, 'admin'],
    ];
    for (const [body, field] of cases) {
      const error = await expectErrorShape(await call('/api/v1/auth/magic-link', { body }), 400, 'validation_failed');
      expect(error.fields?.[field]).toBeTruthy();
    }
    const notJson = await call('/api/v1/auth/magic-link', {
      rawBody: '{"email":',
      headers: { 'content-type': 'application/json' },
    });
    await expectErrorShape(notJson, 400, 'malformed_body');
    const wrongType = await call('/api/v1/auth/magic-link', {
      rawBody: 'email=a@example.com',
      headers: { 'content-type': 'text/plain', origin: 'https://volley.test' },
    });
    await expectErrorShape(wrongType, 415, 'unsupported_media_type');
    expect(await count('login_tokens')).toBe(before);
  });

  it('rate limits links per address and per IP with 429 and Retry-After', async () => {
    const email = uniqueEmail();
    for (let i = 0; i < config.rateLimits.magicLinkPerAddress; i++) {
      expect((await requestLink(email)).status).toBe(202);
    }
    const limited = await requestLink(email);
    await expectErrorShape(limited, 429, 'rate_limited');
    expect(limited.headers.get('retry-after')).toBe('60');

    const ip = uniqueIp();
    for (let i = 0; i < config.rateLimits.magicLinkPerIp; i++) {
      expect((await requestLink(uniqueEmail(), { ip })).status).toBe(202);
    }
    await expectErrorShape(await requestLink(uniqueEmail(), { ip }), 429, 'rate_limited');
  });
});

describe('sessions', () => {
  it('signs out one session; its token is then refused with 401', async () => {
    const member = await signIn();
    const out = await call('/api/v1/auth/session', { method: 'DELETE', token: member.token });
    expect(out.status).toBe(200);
    await expectErrorShape(await call('/api/v1/me', { token: member.token }), 401, 'unauthorized');
  });

  it('signs out everywhere, ending every session of the member', async () => {
    const email = uniqueEmail();
    const first = await signIn(email);
    const second = await signIn(email);
    const out = await call('/api/v1/auth/sessions', { method: 'DELETE', token: first.token });
    expect(await out.json()).toEqual({ sessionsEnded: 2 });
    await expectErrorShape(await call('/api/v1/me', { token: second.token }), 401);
    expect(await count('sessions', 'member_id = ?', first.member.id)).toBe(0);
  });

  it('refuses anonymous and made-up tokens with 401', async () => {
    await expectErrorShape(await call('/api/v1/me'), 401, 'unauthorized');
    await expectErrorShape(await call('/api/v1/me', { token: 'nope' }), 401, 'unauthorized');
  });

  it('expires a session after 30 days unused', async () => {
    const member = await signIn();
    const later = Date.now() + config.auth.sessionLifetimeMs + 1000;
    await expectErrorShape(await call('/api/v1/me', { token: member.token, now: later }), 401);
  });

  it('extends a session that is used', async () => {
    const member = await signIn();
    const [before] = await rows<{ expires_at: number }>('SELECT expires_at FROM sessions WHERE member_id = ?', member.member.id);
    const twoDaysOn = Date.now() + 2 * 24 * 60 * 60 * 1000;
    expect((await call('/api/v1/me', { token: member.token, now: twoDaysOn })).status).toBe(200);
    await expect
      .poll(async () => (await rows<{ expires_at: number }>('SELECT expires_at FROM sessions WHERE member_id = ?', member.member.id))[0]?.expires_at)
      .toBeGreaterThan(before!.expires_at);
  });
});

describe('browser sign-in', () => {
  it('the confirmed link sets a __Host- cookie that is HttpOnly, Secure and SameSite=Lax, then redirects to the dashboard', async () => {
    const email = uniqueEmail();
    await requestLink(email);
    const response = await call('/auth/callback', {
      method: 'POST',
      rawBody: new URLSearchParams({ token: await latestLinkToken(email) }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://volley.test' },
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/dashboard');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-volley_session=[a-z2-7]+\.[a-z2-7]+;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);

    const session = cookie.split(';')[0]!;
    const dashboard = await call('/dashboard', { cookie: session });
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain(email);
  });

  it('the form asks for a link and says to check email; a bad address is shown next to the field', async () => {
    const email = uniqueEmail();
    const ok = await call('/auth/sign-in', {
      method: 'POST',
      rawBody: new URLSearchParams({ email }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://volley.test' },
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/auth/check-email?email=${encodeURIComponent(email)}`);
    expect((await mailbox()).some((m) => m.to === email)).toBe(true);

    const bad = await call('/auth/sign-in', {
      method: 'POST',
      rawBody: 'email=nope',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://volley.test' },
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Enter a valid email address');
  });

  it('a used link shows an HTML error page, not JSON', async () => {
    const email = uniqueEmail();
    await signIn(email);
    const response = await call('/auth/callback?token=bogus');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toContain('invalid, expired or already used');
  });

  it('signing out from the page ends the session', async () => {
    const member = await signIn();
    const cookie = `__Host-volley_session=${member.token}`;
    const out = await call('/auth/sign-out', {
      method: 'POST',
      cookie,
      rawBody: '',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://volley.test' },
    });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    await expectErrorShape(await call('/api/v1/me', { token: member.token }), 401);
  });
});
