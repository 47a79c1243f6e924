import { describe, expect, it } from 'vitest';
import { config } from '../src/config';
import { newSignInCode } from '../src/auth/sign-in-code';
import {
  call,
  count,
  expectErrorShape,
  json,
  latestLinkToken,
  latestSignInCode,
  mailbox,
  requestLink,
  rows,
  uniqueEmail,
  uniqueIp,
} from './helpers';

const withCode = (email: string, code: string, ip = uniqueIp()) => call('/api/v1/auth/session', { body: { email, code }, ip });
const withToken = (token: string) => call('/api/v1/auth/session', { body: { token } });
const wrong = (code: string) => String((Number(code) + 1) % 10 ** config.auth.codeDigits).padStart(config.auth.codeDigits, '0');

async function pending(email: string) {
  await requestLink(email);
  return { code: await latestSignInCode(email), token: await latestLinkToken(email) };
}

describe('sign-in code', () => {
  it('is in the same email as the link, prominent in both the text and the HTML', async () => {
    const email = uniqueEmail();
    await requestLink(email);
    const [sent] = (await mailbox()).filter((m) => m.to === email);
    const code = await latestSignInCode(email);
    expect(code).toMatch(new RegExp(`^\\d{${config.auth.codeDigits}}$`));
    expect(sent!.text).toContain('/auth/callback?token=');
    expect(sent!.html).toMatch(new RegExp(`font-size:32px[^>]*>${code}<`));
  });

  it('is stored only as a keyed hash, never as the code or its plain SHA-256', async () => {
    const email = uniqueEmail();
    const { code } = await pending(email);
    const [row] = await rows<{ code_hash: string }>('SELECT code_hash FROM login_tokens WHERE email = ?', email);
    expect(row!.code_hash).toMatch(/^[0-9a-f]{64}$/);
    const plain = [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(code)))]
      .map((b) => b.toString(16).padStart(2, '0'))
      .join('');
    expect(row!.code_hash).not.toBe(plain);
    expect(JSON.stringify(await rows('SELECT * FROM login_tokens WHERE email = ?', email))).not.toContain(code);
  });

  it('signs in with the right code, answering like a link token, and spends the link too', async () => {
    const email = uniqueEmail();
    const { code, token } = await pending(email);
    const response = await withCode(email, code);
    expect(response.status).toBe(200);
    const body = await json<{ token: string; member: { email: string } }>(response);
    expect(body.member.email).toBe(email);
    expect((await call('/api/v1/me', { token: body.token })).status).toBe(200);
    await expectErrorShape(await withToken(token), 400, 'invalid_token');
    await expectErrorShape(await withCode(email, code), 400, 'invalid_code');
  });

  it('accepts the code typed with spaces, and the address in any case', async () => {
    const email = uniqueEmail();
    const { code } = await pending(email);
    expect((await withCode(` ${email.toUpperCase()} `, `${code.slice(0, 3)} ${code.slice(3)}`)).status).toBe(200);
  });

  it('refuses the code after the link was used', async () => {
    const email = uniqueEmail();
    const { code, token } = await pending(email);
    expect((await withToken(token)).status).toBe(200);
    await expectErrorShape(await withCode(email, code), 400, 'invalid_code');
  });

  it('refuses wrong codes with the error shape and counts them; at the limit even the right code fails', async () => {
    const email = uniqueEmail();
    const { code, token } = await pending(email);
    const ip = uniqueIp();
    for (let attempt = 1; attempt <= config.auth.maxCodeAttempts; attempt++) {
      const error = await expectErrorShape(await withCode(email, wrong(code), ip), 400, 'invalid_code');
      expect(error.fields?.code).toBeTruthy();
      const [row] = await rows<{ failed_code_attempts: number; used_at: number | null }>('SELECT * FROM login_tokens WHERE email = ?', email);
      expect(row!.failed_code_attempts).toBe(attempt);
      expect(row!.used_at === null).toBe(attempt < config.auth.maxCodeAttempts);
    }
    await expectErrorShape(await withCode(email, code), 400, 'invalid_code');
    await expectErrorShape(await withToken(token), 400, 'invalid_token');
    expect(await count('members', 'email = ?', email)).toBe(0);
  });

  it('refuses a code for an address with no pending link exactly like a wrong one', async () => {
    const email = uniqueEmail();
    const { code } = await pending(email);
    const forWrongCode = await withCode(email, wrong(code));
    const forNobody = await withCode(uniqueEmail('nobody'), code);
    expect(forNobody.status).toBe(forWrongCode.status);
    expect(await forNobody.text()).toBe(await forWrongCode.text());
  });

  it('refuses an expired code', async () => {
    const email = uniqueEmail();
    const { code } = await pending(email);
    const late = Date.now() + config.auth.linkTokenLifetimeMs + 1000;
    await expectErrorShape(await call('/api/v1/auth/session', { body: { email, code }, now: late }), 400, 'invalid_code');
  });

  it('racing code and link exchanges make exactly one session', async () => {
    const email = uniqueEmail();
    const { code, token } = await pending(email);
    const results = await Promise.all([withCode(email, code), withToken(token), withCode(email, code), withToken(token)]);
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 400)).toHaveLength(3);
    const [member] = await rows<{ id: string }>('SELECT id FROM members WHERE email = ?', email);
    expect(await count('sessions', 'member_id = ?', member!.id)).toBe(1);
  });

  it('rate limits code attempts per IP with 429', async () => {
    const email = uniqueEmail();
    const { code } = await pending(email);
    const ip = uniqueIp();
    const limit = config.rateLimits.signInAttemptsPerIp;
    // The binding counts in fixed windows: when one ends during the loop, up to twice the limit get through before
    // the 429, never more.
    const statuses: number[] = [];
    while (statuses.at(-1) !== 429 && statuses.length <= 2 * limit) statuses.push((await withCode(uniqueEmail(), code, ip)).status);
    expect(statuses.at(-1), statuses.join(' ')).toBe(429);
    expect(statuses.length).toBeGreaterThan(limit);
    // While limited, even the right code for a pending link is refused.
    await expectErrorShape(await withCode(email, code, ip), 429, 'rate_limited');
  });

  it('refuses bad input with a clear 400', async () => {
    const cases: Array<[unknown, string]> = [
      [{ email: uniqueEmail() }, 'code'],
      [{ code: '123456' }, 'email'],
      [{ email: uniqueEmail(), code: '12345' }, 'code'],
      [{ email: uniqueEmail(), code: 'abcdef' }, 'code'],
      [{ token: 'x', code: '123456' }, 'token'],
    ];
    for (const [body, field] of cases) {
      const error = await expectErrorShape(await call('/api/v1/auth/session', { body }), 400, 'validation_failed');
      expect(error.fields?.[field], JSON.stringify(error)).toBeTruthy();
    }
  });

  it('draws every digit evenly (no modulo bias)', () => {
    const counts = Array.from({ length: 10 }, () => 0);
    const draws = 20_000;
    for (let i = 0; i < draws; i++) {
      const code = newSignInCode();
      expect(code).toHaveLength(config.auth.codeDigits);
      counts[Number(code[0])]!++;
    }
    // Each leading digit is 10% of draws; 20,000 draws stay within ±1.5 points of it with overwhelming probability.
    for (const n of counts) expect(Math.abs(n / draws - 0.1)).toBeLessThan(0.015);
  });
});

describe('code form on the check-your-email page', () => {
  const form = (body: Record<string, string>) =>
    call('/auth/code', {
      method: 'POST',
      rawBody: new URLSearchParams(body).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://volley.test' },
    });

  it('prefills the address, and the right code signs the browser in', async () => {
    const email = uniqueEmail();
    const asked = await call('/auth/sign-in', {
      method: 'POST',
      rawBody: new URLSearchParams({ email }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://volley.test' },
    });
    const page = await call(asked.headers.get('location')!);
    const html = await page.text();
    expect(html).toContain(`value="${email}"`);
    expect(html).toContain('autocomplete="one-time-code"');
    expect(html).toContain('Nothing arrived?');

    const signedIn = await form({ email, code: await latestSignInCode(email) });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/dashboard');
    expect(signedIn.headers.get('set-cookie')).toMatch(/^__Host-volley_session=/);
  });

  it('a wrong code shows the error beside the field and keeps what was typed', async () => {
    const email = uniqueEmail();
    const { code } = await pending(email);
    const refused = await form({ email, code: wrong(code) });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('id="code-error"');
    expect(html).toContain(`value="${email}"`);
  });
});
