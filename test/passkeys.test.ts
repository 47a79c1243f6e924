import { describe, expect, it } from 'vitest';
import { config } from '../src/config';
import { call, count, expectErrorShape, json, rows, signIn, uniqueIp, type SignedInMember } from './helpers';
import { SoftwareAuthenticator } from './software-authenticator';

type Options = { challenge: string; rp?: { id: string }; rpId?: string; user: { id: string }; excludeCredentials?: Array<{ id: string }> };

async function registrationOptions(member: SignedInMember, now?: number) {
  const response = await call('/api/v1/auth/passkeys/registration-options', { method: 'POST', token: member.token, now });
  expect(response.status).toBe(200);
  return json<Options>(response);
}

async function addPasskey(member: SignedInMember) {
  const authenticator = await SoftwareAuthenticator.create();
  const options = await registrationOptions(member);
  const response = await call('/api/v1/auth/passkeys', {
    token: member.token,
    body: await authenticator.register(options),
    headers: { 'user-agent': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/537.36 Chrome/131.0 Safari/537.36' },
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return { authenticator, passkey: await json<{ id: string; name: string }>(response) };
}

async function authenticationOptions(ip = uniqueIp(), now?: number) {
  const response = await call('/api/v1/auth/passkeys/authentication-options', { method: 'POST', ip, now });
  expect(response.status).toBe(200);
  return json<Options>(response);
}

const authenticate = (assertion: unknown, options: { ip?: string; now?: number; headers?: Record<string, string> } = {}) =>
  call('/api/v1/auth/passkeys/authenticate', { body: assertion, ...options });

describe('passkey registration', () => {
  it('offers options for this site, discoverable, excluding passkeys the member already has', async () => {
    const member = await signIn();
    const first = await registrationOptions(member);
    expect(first.rp?.id).toBe('volley.test');
    expect(first).toMatchObject({ authenticatorSelection: { residentKey: 'required' }, excludeCredentials: [] });
    const [stored] = await rows<{ ceremony: string; member_id: string; expires_at: number; created_at: number }>(
      'SELECT * FROM passkey_challenges WHERE challenge = ?',
      first.challenge,
    );
    expect(stored).toMatchObject({ ceremony: 'registration', member_id: member.member.id });
    expect(stored!.expires_at - stored!.created_at).toBe(config.auth.passkeyChallengeLifetimeMs);

    const { authenticator } = await addPasskey(member);
    const again = await registrationOptions(member);
    expect(again.excludeCredentials?.map((c) => c.id)).toEqual([authenticator.id]);
  });

  it('adds a passkey named by browser and date, stores only its public key, and lists it', async () => {
    const member = await signIn();
    const { passkey, authenticator } = await addPasskey(member);
    expect(passkey.name).toMatch(/^Chrome on macOS, \d{1,2} [A-Z][a-z]{2} \d{4}$/);
    const [row] = await rows<{ member_id: string; credential_id: string; public_key: string; counter: number }>(
      'SELECT * FROM passkeys WHERE id = ?',
      passkey.id,
    );
    expect(row).toMatchObject({ member_id: member.member.id, credential_id: authenticator.id, counter: 0 });
    const list = await json<{ items: Array<{ id: string; name: string; lastUsedAt: null }>; nextCursor: null }>(
      await call('/api/v1/me/passkeys', { token: member.token }),
    );
    expect(list).toEqual({ items: [{ id: passkey.id, name: passkey.name, createdAt: expect.any(String), lastUsedAt: null }], nextCursor: null });
  });

  it('refuses a used, expired, foreign or other-origin registration challenge, adding nothing', async () => {
    const member = await signIn();
    const other = await signIn();
    const authenticator = await SoftwareAuthenticator.create();

    const options = await registrationOptions(member);
    const answer = await authenticator.register(options);
    expect((await call('/api/v1/auth/passkeys', { token: member.token, body: answer })).status).toBe(201);
    // Replayed: the challenge is spent.
    await expectErrorShape(await call('/api/v1/auth/passkeys', { token: member.token, body: answer }), 400, 'passkey_challenge_invalid');

    // Someone else's challenge.
    const theirs = await registrationOptions(other);
    const fresh = await SoftwareAuthenticator.create();
    await expectErrorShape(await call('/api/v1/auth/passkeys', { token: member.token, body: await fresh.register(theirs) }), 400, 'passkey_challenge_invalid');

    // Expired.
    const old = await registrationOptions(member);
    const late = Date.now() + config.auth.passkeyChallengeLifetimeMs + 1000;
    await expectErrorShape(await call('/api/v1/auth/passkeys', { token: member.token, body: await fresh.register(old), now: late }), 400, 'passkey_challenge_invalid');

    // Made for another site.
    const phished = await registrationOptions(member);
    await expectErrorShape(
      await call('/api/v1/auth/passkeys', { token: member.token, body: await fresh.register(phished, { origin: 'https://volley.evil' }) }),
      400,
      'passkey_rejected',
    );
    expect(await count('passkeys', 'member_id = ?', member.member.id)).toBe(1);
  });

  it('adds a self-attested passkey ("packed" signed with its own key), which then signs in', async () => {
    const member = await signIn();
    const authenticator = await SoftwareAuthenticator.create();
    const body = await authenticator.register(await registrationOptions(member), { attestation: 'packed-self' });
    expect((await call('/api/v1/auth/passkeys', { token: member.token, body })).status).toBe(201);
    const options = await authenticationOptions();
    expect((await authenticate(await authenticator.assert(options))).status).toBe(200);
  });

  it('refuses attestation with certificates, which Volley never asks for (the Worker does not bundle their checks)', async () => {
    const member = await signIn();
    const certificate = new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]);
    const statements = [
      { fmt: 'packed', attStmt: new Map<string, unknown>([['alg', -7], ['sig', new Uint8Array(8)], ['x5c', [certificate]]]) },
      { fmt: 'fido-u2f', attStmt: new Map<string, unknown>([['sig', new Uint8Array(8)], ['x5c', [certificate]]]) },
      { fmt: 'tpm', attStmt: new Map<string, unknown>([['ver', '2.0'], ['alg', -7], ['x5c', [certificate]]]) },
      { fmt: 'apple', attStmt: new Map<string, unknown>([['x5c', [certificate]]]) },
      { fmt: 'android-key', attStmt: new Map<string, unknown>([['alg', -7], ['sig', new Uint8Array(8)], ['x5c', [certificate]]]) },
      { fmt: 'android-safetynet', attStmt: new Map<string, unknown>([['ver', '1'], ['response', new Uint8Array(8)]]) },
    ];
    for (const attestation of statements) {
      const body = await (await SoftwareAuthenticator.create()).register(await registrationOptions(member), { attestation });
      const error = await expectErrorShape(await call('/api/v1/auth/passkeys', { token: member.token, body }), 400, 'passkey_rejected');
      expect(error.message, attestation.fmt).toMatch(/Volley asks for attestation "none"/);
    }
    expect(await count('passkeys', 'member_id = ?', member.member.id)).toBe(0);
  });

  it('refuses anonymous callers and malformed answers with the error shape', async () => {
    await expectErrorShape(await call('/api/v1/auth/passkeys/registration-options', { method: 'POST' }), 401, 'unauthorized');
    const member = await signIn();
    const error = await expectErrorShape(await call('/api/v1/auth/passkeys', { token: member.token, body: { id: 'x', extra: 1 } }), 400, 'validation_failed');
    expect(Object.keys(error.fields ?? {})).toEqual(expect.arrayContaining(['extra', 'response']));
  });
});

describe('passkey sign-in', () => {
  it('signs in with no email: a session for the passkey owner, the counter recorded', async () => {
    const member = await signIn();
    const { authenticator, passkey } = await addPasskey(member);
    const ip = uniqueIp();
    const options = await authenticationOptions(ip);
    expect(options.rpId).toBe('volley.test');
    const response = await authenticate(await authenticator.assert(options), { ip });
    expect(response.status).toBe(200);
    const body = await json<{ token: string; member: { id: string } }>(response);
    expect(body.member.id).toBe(member.member.id);
    expect((await call('/api/v1/me', { token: body.token })).status).toBe(200);
    const [row] = await rows<{ counter: number; last_used_at: number }>('SELECT counter, last_used_at FROM passkeys WHERE id = ?', passkey.id);
    expect(row!.counter).toBe(1);
    expect(row!.last_used_at).toBeGreaterThan(0);
    // API clients get no session cookie; our own page (Origin) does.
    expect(response.headers.getSetCookie().some((c) => c.startsWith('__Host-volley_session='))).toBe(false);
    const fromPage = await authenticate(await authenticator.assert(await authenticationOptions(ip)), { ip, headers: { origin: 'https://volley.test' } });
    expect(fromPage.headers.getSetCookie().some((c) => c.startsWith('__Host-volley_session='))).toBe(true);
  });

  it('refuses a replayed assertion: its challenge is single use', async () => {
    const member = await signIn();
    const { authenticator } = await addPasskey(member);
    const assertion = await authenticator.assert(await authenticationOptions());
    expect((await authenticate(assertion)).status).toBe(200);
    const sessions = await count('sessions', 'member_id = ?', member.member.id);
    await expectErrorShape(await authenticate(assertion), 400, 'passkey_challenge_invalid');
    expect(await count('sessions', 'member_id = ?', member.member.id)).toBe(sessions);
  });

  it('two racing uses of one assertion open one session', async () => {
    const member = await signIn();
    const { authenticator } = await addPasskey(member);
    const assertion = await authenticator.assert(await authenticationOptions());
    const before = await count('sessions', 'member_id = ?', member.member.id);
    const results = await Promise.all([authenticate(assertion), authenticate(assertion), authenticate(assertion)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400, 400]);
    expect(await count('sessions', 'member_id = ?', member.member.id)).toBe(before + 1);
  });

  it('refuses an expired challenge', async () => {
    const member = await signIn();
    const { authenticator } = await addPasskey(member);
    const options = await authenticationOptions();
    const late = Date.now() + config.auth.passkeyChallengeLifetimeMs + 1000;
    await expectErrorShape(await authenticate(await authenticator.assert(options), { now: late }), 400, 'passkey_challenge_invalid');
  });

  it('refuses forged assertions: another key, another site, a tampered signature, a made-up challenge', async () => {
    const member = await signIn();
    const { authenticator } = await addPasskey(member);

    // A different key claiming the registered credential id.
    const impostor = await SoftwareAuthenticator.create();
    Object.assign(impostor, { credentialId: authenticator.credentialId });
    await expectErrorShape(await authenticate(await impostor.assert(await authenticationOptions())), 400, 'passkey_rejected');

    await expectErrorShape(
      await authenticate(await authenticator.assert(await authenticationOptions(), { origin: 'https://volley.evil' })),
      400,
      'passkey_rejected',
    );
    await expectErrorShape(
      await authenticate(await authenticator.assert(await authenticationOptions(), { rpId: 'volley.evil' })),
      400,
      'passkey_rejected',
    );

    const tampered = await authenticator.assert(await authenticationOptions());
    tampered.response.signature = tampered.response.signature.slice(0, -4) + 'AAAA';
    await expectErrorShape(await authenticate(tampered), 400, 'passkey_rejected');

    await expectErrorShape(await authenticate(await authenticator.assert({ challenge: 'bWFkZS11cA' })), 400, 'passkey_challenge_invalid');
    expect(await count('sessions', 'member_id = ?', member.member.id)).toBe(1);
  });

  it('refuses an assertion whose counter does not move forward (a cloned authenticator)', async () => {
    const member = await signIn();
    const { authenticator } = await addPasskey(member);
    expect((await authenticate(await authenticator.assert(await authenticationOptions(), { counter: 5 }))).status).toBe(200);
    await expectErrorShape(await authenticate(await authenticator.assert(await authenticationOptions(), { counter: 5 })), 400, 'passkey_rejected');
    await expectErrorShape(await authenticate(await authenticator.assert(await authenticationOptions(), { counter: 3 })), 400, 'passkey_rejected');
    expect((await authenticate(await authenticator.assert(await authenticationOptions(), { counter: 6 }))).status).toBe(200);
  });

  it('rate limits passkey ceremonies per IP with 429', async () => {
    const ip = uniqueIp();
    for (let i = 0; i < config.rateLimits.signInAttemptsPerIp; i++) {
      expect((await call('/api/v1/auth/passkeys/authentication-options', { method: 'POST', ip })).status).toBe(200);
    }
    await expectErrorShape(await call('/api/v1/auth/passkeys/authentication-options', { method: 'POST', ip }), 429, 'rate_limited');
  });
});

describe('passkey removal', () => {
  it('removes the member\'s own passkey, which then cannot sign in; another member\'s is not found', async () => {
    const member = await signIn();
    const other = await signIn();
    const { authenticator, passkey } = await addPasskey(member);
    await expectErrorShape(await call(`/api/v1/me/passkeys/${passkey.id}`, { method: 'DELETE', token: other.token }), 404, 'not_found');
    const removed = await call(`/api/v1/me/passkeys/${passkey.id}`, { method: 'DELETE', token: member.token });
    expect(removed.status).toBe(200);
    expect(await json(removed)).toMatchObject({ id: passkey.id, name: passkey.name });
    expect(await count('passkeys', 'id = ?', passkey.id)).toBe(0);
    await expectErrorShape(await authenticate(await authenticator.assert(await authenticationOptions())), 400, 'passkey_rejected');
  });

  it('removes from the Settings page with a plain form', async () => {
    const member = await signIn();
    const { passkey } = await addPasskey(member);
    const cookie = `__Host-volley_session=${member.token}`;
    const page = await call('/settings/passkeys', { cookie });
    expect(await page.text()).toContain(passkey.name);
    const removed = await call(`/settings/passkeys/${passkey.id}/delete`, {
      method: 'POST',
      cookie,
      rawBody: '',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://volley.test' },
    });
    expect(removed.status).toBe(303);
    expect(await count('passkeys', 'id = ?', passkey.id)).toBe(0);
  });

  it('deleting the account deletes its passkeys', async () => {
    const member = await signIn();
    const { authenticator } = await addPasskey(member);
    const deleted = await call('/api/v1/me', { method: 'DELETE', token: member.token, body: { confirmEmail: member.email } });
    expect(deleted.status).toBe(200);
    expect(await count('passkeys', 'member_id = ?', member.member.id)).toBe(0);
    await expectErrorShape(await authenticate(await authenticator.assert(await authenticationOptions())), 400, 'passkey_rejected');
  });
});
