import { describe, expect, it, vi } from 'vitest';
import { config } from '../src/config';
import { sha256Hex } from '../src/lib/ids';
import {
  call,
  count,
  draftBody,
  expectErrorShape,
  expectLedgerInvariants,
  json,
  ORIGIN,
  postDraft,
  rows,
  signIn,
  type SignedInMember,
} from './helpers';

type Created = { id: string; name: string; scope: 'read' | 'write'; token: string; createdAt: string };
type Listed = { id: string; name: string; scope: string; createdAt: string; lastUsedAt: string | null };

async function makeToken(member: SignedInMember, scope: 'read' | 'write' = 'write', name = `script ${scope}`) {
  const response = await call('/api/v1/me/tokens', { token: member.token, body: { name, scope } });
  expect(response.status).toBe(201);
  return json<Created>(response);
}

const listTokens = async (member: SignedInMember) => (await json<{ items: Listed[] }>(await call('/api/v1/me/tokens', { token: member.token }))).items;

describe('personal access tokens', () => {
  it('are made with a name and scope, shown once, and stored only as a hash', async () => {
    const member = await signIn();
    const response = await call('/api/v1/me/tokens', { token: member.token, body: { name: ' deploy bot ', scope: 'read' } });
    expect(response.status).toBe(201);
    const created = await json<Created>(response);
    expect(Object.keys(created)).toEqual(['id', 'name', 'scope', 'token', 'createdAt']);
    expect(created).toMatchObject({ name: 'deploy bot', scope: 'read' });
    expect(created.token.startsWith(config.accessTokens.prefix)).toBe(true);

    const stored = await rows<Record<string, unknown>>('SELECT * FROM access_tokens WHERE id = ?', created.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).toBe(await sha256Hex(created.token));
    expect(JSON.stringify(stored)).not.toContain(created.token);
  });

  it('sign the member in on the API, and the list shows when each was last used but never the secret', async () => {
    const member = await signIn();
    const created = await makeToken(member, 'read');
    expect((await listTokens(member))[0]!.lastUsedAt).toBeNull();

    const now = Date.now() + 5_000;
    const me = await call('/api/v1/me', { token: created.token, now });
    expect(me.status).toBe(200);
    expect((await json(me)).id).toBe(member.member.id);

    const listed = await call('/api/v1/me/tokens', { token: member.token });
    const text = await listed.clone().text();
    expect(text).not.toContain(created.token);
    const [item] = (await json<{ items: Listed[]; nextCursor: null }>(listed)).items;
    expect(item).toEqual({ id: created.id, name: created.name, scope: 'read', createdAt: created.createdAt, lastUsedAt: new Date(now).toISOString() });
  });

  it('revoked, the very next request with it is a 401, and it leaves the list', async () => {
    const member = await signIn();
    const created = await makeToken(member);
    expect((await call('/api/v1/me', { token: created.token })).status).toBe(200);

    const revoked = await call(`/api/v1/me/tokens/${created.id}`, { method: 'DELETE', token: member.token });
    expect(revoked.status).toBe(200);
    expect((await json(revoked)).id).toBe(created.id);

    await expectErrorShape(await call('/api/v1/me', { token: created.token }), 401, 'invalid_token');
    // Even where no sign-in is needed: the client learns its credential is dead.
    await expectErrorShape(await call('/api/v1/health', { token: created.token }), 401, 'invalid_token');
    expect(await listTokens(member)).toEqual([]);
    await expectErrorShape(await call(`/api/v1/me/tokens/${created.id}`, { method: 'DELETE', token: member.token }), 404, 'not_found');
  });

  it('a read token may read but every write is a 403 insufficient_scope that writes nothing', async () => {
    const member = await signIn();
    const { token } = await makeToken(member, 'read');
    expect((await call('/api/v1/drafts?mine=1', { token })).status).toBe(200);

    await expectErrorShape(await postDraft({ ...member, token }), 403, 'insufficient_scope');
    await expectErrorShape(await call('/api/v1/me', { method: 'PATCH', token, body: { name: 'Changed' } }), 403, 'insufficient_scope');
    expect(await count('drafts', 'author_id = ?', member.member.id)).toBe(0);
    expect((await json(await call('/api/v1/me', { token }))).name).toBe(member.member.name);
  });

  it('a write token writes as its member, but cannot make more tokens', async () => {
    const member = await signIn();
    const { token } = await makeToken(member, 'write');
    const posted = await postDraft({ ...member, token });
    expect(posted.status).toBe(201);
    expect((await json(posted)).author.id).toBe(member.member.id);
    await expectErrorShape(await call('/api/v1/me/tokens', { token, body: { name: 'child', scope: 'write' } }), 403, 'session_required');
    expect(await count('access_tokens', 'member_id = ?', member.member.id)).toBe(1);
  });

  it('bad names and scopes are 400s naming the field, and nothing is written', async () => {
    const member = await signIn();
    const bad = [
      [{ name: '', scope: 'read' }, 'name'],
      [{ name: 'x'.repeat(config.accessTokens.nameMaxLength + 1), scope: 'read' }, 'name'],
      [{ name: 'ok', scope: 'admin' }, 'scope'],
      [{ name: 'ok' }, 'scope'],
      [{ name: 'ok', scope: 'read', extra: 1 }, 'extra'],
    ] as const;
    for (const [body, field] of bad) {
      const error = await expectErrorShape(await call('/api/v1/me/tokens', { token: member.token, body }), 400, 'validation_failed');
      expect(Object.keys(error.fields ?? {}), JSON.stringify(body)).toContain(field);
    }
    expect(await count('access_tokens', 'member_id = ?', member.member.id)).toBe(0);
  });

  it('another member can neither list nor revoke my tokens', async () => {
    const [owner, other] = await Promise.all([signIn(), signIn()]);
    const created = await makeToken(owner);
    expect(await listTokens(other)).toEqual([]);
    await expectErrorShape(await call(`/api/v1/me/tokens/${created.id}`, { method: 'DELETE', token: other.token }), 404, 'not_found');
    expect((await call('/api/v1/me', { token: created.token })).status).toBe(200);
  });

  it('at most the configured number per member, even when made all at once', async () => {
    const member = await signIn();
    const attempts = config.accessTokens.maxPerMember + 3;
    const statuses = await Promise.all(
      Array.from({ length: attempts }, (_, i) => call('/api/v1/me/tokens', { token: member.token, body: { name: `t${i}`, scope: 'read' } }).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(config.accessTokens.maxPerMember);
    expect(statuses.filter((s) => s === 409)).toHaveLength(3);
    expect(await count('access_tokens', 'member_id = ?', member.member.id)).toBe(config.accessTokens.maxPerMember);
  });

  it('a token revoked while its write is in flight: the write lands whole or not at all, and the token is dead after', async () => {
    const member = await signIn();
    const { id, token } = await makeToken(member);
    const [write, revoke] = await Promise.all([
      call('/api/v1/drafts', { token, body: { title: 'Race', body: draftBody(), genre: 'fiction', reviewsWanted: 1 } }),
      call(`/api/v1/me/tokens/${id}`, { method: 'DELETE', token: member.token }),
    ]);
    expect(revoke.status).toBe(200);
    expect([201, 401]).toContain(write.status);
    expect(await count('drafts', 'author_id = ?', member.member.id)).toBe(write.status === 201 ? 1 : 0);
    await expectErrorShape(await call('/api/v1/me', { token }), 401, 'invalid_token');
    await expectLedgerInvariants();
  });

  it('end with the account: a deleted member’s token is a 401 and its row is gone', async () => {
    const member = await signIn();
    const { token } = await makeToken(member, 'read');
    expect((await call('/api/v1/me', { method: 'DELETE', token: member.token, body: { confirmEmail: member.email } })).status).toBe(200);
    await expectErrorShape(await call('/api/v1/me', { token }), 401, 'invalid_token');
    expect(await count('access_tokens', 'member_id = ?', member.member.id)).toBe(0);
  });

  it('count against the member’s write limit, shared with their session', async () => {
    const member = await signIn();
    const { token } = await makeToken(member);
    // A minute's writes by the session, at once, so they share the limiter's window; then the token's write is over it.
    const limit = config.rateLimits.writesPerMember;
    const statuses = await Promise.all(
      Array.from({ length: limit }, (_, i) => call('/api/v1/me', { method: 'PATCH', token: member.token, body: { name: `Name ${i}` } }).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(limit - 1);
    const limited = await call('/api/v1/me', { method: 'PATCH', token, body: { name: 'One too many' } });
    await expectErrorShape(limited, 429, 'rate_limited');
    expect(limited.headers.get('retry-after')).toBe(String(config.rateLimits.windowSeconds));
  });

  it('never sign in to pages or their forms: only the session cookie does', async () => {
    const member = await signIn();
    const { token } = await makeToken(member);
    const headers = { authorization: `Bearer ${token}` };
    expect((await call('/dashboard', { headers })).status).toBe(303);
    const form = await call('/settings', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
      rawBody: new URLSearchParams({ name: 'Forged', reviews: 'each' }).toString(),
    });
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toBe('/#sign-in');
    expect((await json(await call('/api/v1/me', { token }))).name).toBe(member.member.name);
  });

  it('never appear in the logs', async () => {
    const member = await signIn();
    const lines: string[] = [];
    const capture = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
    const spies = [vi.spyOn(console, 'log').mockImplementation(capture), vi.spyOn(console, 'error').mockImplementation(capture), vi.spyOn(console, 'warn').mockImplementation(capture)];
    try {
      const created = await makeToken(member);
      await call('/api/v1/me', { token: created.token });
      await postDraft({ ...member, token: created.token });
      await call(`/api/v1/me/tokens/${created.id}`, { method: 'DELETE', token: member.token });
      await call('/api/v1/me', { token: created.token });
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.filter((line) => line.includes(created.token))).toEqual([]);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});

describe('the tokens page in Settings', () => {
  const cookieOf = (member: SignedInMember) => `__Host-volley_session=${member.token}`;
  const form = (member: SignedInMember, path: string, fields: Record<string, string>) =>
    call(path, {
      method: 'POST',
      cookie: cookieOf(member),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
      rawBody: new URLSearchParams(fields).toString(),
    });

  it('makes a token and shows it once, lists it without the secret, and revokes it', async () => {
    const member = await signIn();
    expect(await (await call('/settings', { cookie: cookieOf(member) })).text()).toContain('href="/settings/tokens"');

    const made = await form(member, '/settings/tokens', { name: 'My notebook', scope: 'write' });
    expect(made.status).toBe(200);
    const html = await made.text();
    const token = html.match(new RegExp(`${config.accessTokens.prefix}[a-z2-7]+`))?.[0];
    expect(token).toBeDefined();
    expect((await call('/api/v1/me', { token })).status).toBe(200);

    const listing = await (await call('/settings/tokens', { cookie: cookieOf(member) })).text();
    expect(listing).toContain('My notebook');
    expect(listing).not.toContain(token!);

    const [row] = await rows<{ id: string }>('SELECT id FROM access_tokens WHERE member_id = ?', member.member.id);
    const revoked = await form(member, `/settings/tokens/${row!.id}/revoke`, {});
    expect(revoked.status).toBe(303);
    expect(revoked.headers.get('location')).toBe('/settings/tokens?revoked=1');
    expect((await call('/api/v1/me', { token })).status).toBe(401);
  });

  it('a form without a name is a 400 with the error beside the field, and nothing is made', async () => {
    const member = await signIn();
    const response = await form(member, '/settings/tokens', { name: ' ', scope: 'read' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('id="token-name-error"');
    expect(await count('access_tokens', 'member_id = ?', member.member.id)).toBe(0);
  });
});
