import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { config } from '../src/config';
import { sha256Hex } from '../src/lib/ids';
import { adminSession, call, cookieOf, count, json, postDraftOk, rows, signIn } from './helpers';

const callsOf = (response: Response) => Number(/d1-calls;desc=(\d+)/.exec(response.headers.get('server-timing') ?? '')?.[1]);

/** The session token split as the app splits it: the member it names, then its secret. */
const partsOf = (token: string) => {
  const [memberId, secret] = token.split('.');
  return { memberId: memberId!, secret: secret! };
};

describe('the session check rides with the first read', () => {
  it('a session token names its member; only the secret is stored, as its hash', async () => {
    const member = await signIn();
    const { memberId, secret } = partsOf(member.token);
    expect(memberId).toBe(member.member.id);
    const [stored] = await rows<{ token_hash: string }>('SELECT token_hash FROM sessions WHERE member_id = ?', memberId);
    expect(stored!.token_hash).toBe(await sha256Hex(secret));
  });

  it('a page and a read are one D1 call, session included', async () => {
    const author = await signIn();
    const reader = await signIn();
    const draft = await postDraftOk(author);
    for (const [path, who] of [
      ['/api/v1/me', reader],
      ['/api/v1/queue', reader],
      [`/api/v1/drafts/${draft.id}`, reader],
    ] as const) {
      const response = await call(path, { token: who.token });
      expect(response.status, path).toBe(200);
      expect(callsOf(response), path).toBe(1);
    }
    for (const path of ['/dashboard', '/queue', `/drafts/${draft.id}`, '/drafts/new']) {
      const response = await call(path, { cookie: cookieOf(reader) });
      expect(response.status, path).toBe(200);
      expect(callsOf(response), path).toBe(1);
    }
  });

  it('a token naming another member, with my secret, reads nothing of theirs: 401 on the API', async () => {
    const victim = await signIn();
    const attacker = await signIn();
    const forged = `${victim.member.id}.${partsOf(attacker.token).secret}`;
    const me = await call('/api/v1/me', { token: forged });
    expect(me.status).toBe(401);
    expect(await me.text()).not.toContain(victim.email);
    expect((await call('/api/v1/queue', { token: forged })).status).toBe(401);
  });

  it('a write with a made-up secret writes nothing, even where its first call would write', async () => {
    const victim = await signIn();
    const forged = `${victim.member.id}.${'a'.repeat(52)}`;
    const response = await call('/api/v1/drafts', {
      token: forged,
      body: { title: 'Not mine', body: 'One paragraph.', genre: 'poetry', reviewsWanted: 1 },
    });
    expect(response.status).toBe(401);
    expect(await count('drafts', 'author_id = ?', victim.member.id)).toBe(0);
    expect(await count('sessions', 'member_id = ?', victim.member.id)).toBe(1);
  });

  it('a page asked with a dead cookie is asked again without it, and the cookie is cleared', async () => {
    const member = await signIn();
    await env.DB.prepare('DELETE FROM sessions WHERE member_id = ?').bind(member.member.id).run();
    const response = await call('/queue?genre=poetry', { cookie: cookieOf(member) });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('https://volley.test/queue?genre=poetry');
    expect(response.headers.getSetCookie().some((c) => /^__Host-volley_session=;/.test(c))).toBe(true);
    // Without the cookie the members-only page sends the visitor to sign in.
    expect((await call('/queue?genre=poetry')).headers.get('location')).toBe('/#sign-in');
  });

  it('a page that reads nothing from D1 checks its session too: a dead cookie is asked again without it', async () => {
    const member = await signIn();
    await env.DB.prepare('DELETE FROM sessions WHERE member_id = ?').bind(member.member.id).run();
    const response = await call('/settings/delete', { cookie: cookieOf(member) });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('https://volley.test/settings/delete');
    expect(response.headers.getSetCookie().some((c) => /^__Host-volley_session=;/.test(c))).toBe(true);
  });

  it('an expired session is refused, and a suspended member’s session signs nobody in', async () => {
    const member = await signIn();
    const later = Date.now() + config.auth.sessionLifetimeMs + 1000;
    expect((await call('/api/v1/me', { token: member.token, now: later })).status).toBe(401);
    const suspended = await signIn();
    await env.DB.prepare('UPDATE members SET suspended_at = ? WHERE id = ?').bind(Date.now(), suspended.member.id).run();
    expect((await call('/api/v1/me', { token: suspended.token })).status).toBe(401);
  });

  it('a session is renewed without another call on the request', async () => {
    const member = await signIn();
    const [before] = await rows<{ expires_at: number }>('SELECT expires_at FROM sessions WHERE member_id = ?', member.member.id);
    const twoDaysOn = Date.now() + 2 * 24 * 60 * 60 * 1000;
    const response = await call('/api/v1/queue', { token: member.token, now: twoDaysOn });
    expect(response.status).toBe(200);
    expect(callsOf(response)).toBe(1);
    const [after] = await rows<{ expires_at: number }>('SELECT expires_at FROM sessions WHERE member_id = ?', member.member.id);
    expect(after!.expires_at).toBeGreaterThan(before!.expires_at);
  });

  it('a token from before, the secret alone, still signs in, on a lookup of its own', async () => {
    const admin = await adminSession();
    expect(admin.token).not.toContain('.');
    const response = await call('/api/v1/me', { token: admin.token });
    expect(response.status).toBe(200);
    expect((await json<{ email: string }>(response)).email).toBe(admin.email);
    expect(callsOf(response)).toBe(1);
  });

  it('the moderation list is one call for a moderator and a 404 for anyone else', async () => {
    const admin = await adminSession();
    // Made a token of today's shape, so the moderator check rides with the list's read.
    const [row] = await rows<{ member_id: string }>('SELECT member_id FROM sessions WHERE token_hash = ?', await sha256Hex(admin.token));
    const riding = `${row!.member_id}.${admin.token}`;
    const list = await call('/api/v1/admin/reports', { token: riding });
    expect(list.status).toBe(200);
    expect(callsOf(list)).toBe(1);
    const member = await signIn();
    const refused = await call('/api/v1/admin/reports', { token: member.token });
    expect(refused.status).toBe(404);
  });

  it('signing out ends the session the token names, and only that one', async () => {
    const member = await signIn();
    const other = await signIn(member.email);
    expect((await call('/api/v1/auth/session', { method: 'DELETE', token: member.token })).status).toBe(200);
    expect((await call('/api/v1/me', { token: member.token })).status).toBe(401);
    expect((await call('/api/v1/me', { token: other.token })).status).toBe(200);
  });
});
