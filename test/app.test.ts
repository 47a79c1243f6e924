import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { config } from '../src/config';
import { call, count, expectErrorShape, ORIGIN, signIn, uniqueEmail } from './helpers';

function expectSecurityHeaders(response: Response) {
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('same-origin');
  expect(response.headers.get('x-robots-tag')).toContain('noindex');
}

describe('security headers', () => {
  it('are on pages, API answers and errors alike, with a fresh nonce each time', async () => {
    const home = await call('/');
    const again = await call('/');
    expectSecurityHeaders(home);
    expectSecurityHeaders(await call('/api/v1/me'));
    expectSecurityHeaders(await call('/api/v1/nowhere'));
    expect(home.headers.get('content-security-policy')).not.toBe(again.headers.get('content-security-policy'));
    const nonce = home.headers.get('content-security-policy')!.match(/'nonce-([^']+)'/)![1];
    expect(await home.text()).toContain(`nonce="${nonce}"`);
  });
});

describe('errors', () => {
  it('an unknown API route is a JSON 404 in the error shape', async () => {
    await expectErrorShape(await call('/api/v1/nowhere'), 404, 'not_found');
  });

  it('an unknown page is an HTML 404', async () => {
    const response = await call('/nowhere');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toContain('Page not found');
  });

  it('a thrown bug is a 500 with a request id and no stack trace', async () => {
    const app = createApp();
    app.get('/api/v1/boom', () => {
      throw new Error('secret internals at boom.ts:12');
    });
    const response = await app.request('/api/v1/boom', {}, env);
    const error = await expectErrorShape(response, 500, 'internal_error');
    const body = JSON.stringify(error);
    expect(body).not.toContain('secret internals');
    expect(body).not.toContain('boom.ts');
    expect((error as { requestId?: string }).requestId).toMatch(/[0-9a-f-]{36}/);
  });

  it('a body over the limit is a 413 before it is parsed, and nothing is written', async () => {
    const before = await count('login_tokens');
    const huge = JSON.stringify({ email: uniqueEmail(), padding: 'x'.repeat(config.http.maxBodyBytes) });
    const response = await call('/api/v1/auth/magic-link', {
      rawBody: huge,
      headers: { 'content-type': 'application/json' },
    });
    await expectErrorShape(response, 413, 'payload_too_large');
    expect(await count('login_tokens')).toBe(before);
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated JSON write from another origin, allows our own', async () => {
    const member = await signIn();
    const cookie = `__Host-volley_session=${member.token}`;
    const crossSite = await call('/api/v1/auth/session', {
      method: 'DELETE',
      cookie,
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
    });
    await expectErrorShape(crossSite, 403, 'csrf_rejected');
    const noOrigin = await call('/api/v1/auth/session', {
      method: 'DELETE',
      cookie,
      headers: { 'content-type': 'application/json' },
    });
    await expectErrorShape(noOrigin, 403, 'csrf_rejected');
    expect((await call('/api/v1/me', { token: member.token })).status).toBe(200);

    const sameSite = await call('/api/v1/auth/session', {
      method: 'DELETE',
      cookie,
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
    });
    expect(sameSite.status).toBe(200);
  });

  it('refuses a cross-site form post', async () => {
    const member = await signIn();
    const response = await call('/auth/sign-out-everywhere', {
      method: 'POST',
      cookie: `__Host-volley_session=${member.token}`,
      rawBody: '',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
    });
    expect(response.status).toBe(403);
    expect((await call('/api/v1/me', { token: member.token })).status).toBe(200);
  });

  it('lets a bearer-token client write without an Origin', async () => {
    const member = await signIn();
    expect((await call('/api/v1/auth/session', { method: 'DELETE', token: member.token })).status).toBe(200);
  });
});

describe('pages', () => {
  it('the home page says what Volley is and offers sign-in without JavaScript', async () => {
    const response = await call('/');
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('give-to-get exchange for writers');
    expect(html).toMatch(/<form method="post" action="\/auth\/sign-in"/);
    expect(html).toContain('<label for="email">');
  });

  it('the dashboard sends a signed-out visitor to sign in', async () => {
    const response = await call('/dashboard');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/#sign-in');
  });
});
