import { describe, expect, it } from 'vitest';
import { config } from '../src/config';
import { appRoutes, describeMatrix, matrix, request, scenario } from './access-matrix';
import { call, ORIGIN } from './helpers';

describe('access control on every API route', () => {
  it('every route of the app has a row in the matrix, and every row a route', () => {
    expect(appRoutes().sort()).toEqual(Object.keys(matrix).sort());
  });

  describeMatrix('api');
});

describe('personal access tokens across the matrix', () => {
  it('a read token is refused every API write with 403 insufficient_scope, and reads as its member', async () => {
    const s = await scenario();
    const created = await call('/api/v1/me/tokens', { token: s.owner.token, body: { name: 'reader', scope: 'read' } });
    const readToken = ((await created.json()) as { token: string }).token;
    for (const [route, row] of Object.entries(matrix).filter(([, r]) => r.kind === 'api')) {
      const response = await request(route, row, { ...s, owner: { ...s.owner, token: readToken } }, 'owner');
      const method = route.split(' ')[0]!;
      const expected = method === 'GET' ? row.expect.owner : 403;
      expect(response.status, route).toBe(expected);
    }
  }, 120_000);

  it('a write token is anonymous on every page: pages and their forms take the session cookie only', async () => {
    const s = await scenario();
    const created = await call('/api/v1/me/tokens', { token: s.owner.token, body: { name: 'writer', scope: 'write' } });
    const writeToken = ((await created.json()) as { token: string }).token;
    for (const [route, row] of Object.entries(matrix).filter(([, r]) => r.kind === 'page')) {
      const method = route.split(' ')[0]!;
      const form = row.form?.(s, 'owner');
      const response = await call(row.path(s), {
        method,
        token: writeToken,
        ...(form ? { rawBody: new URLSearchParams(form).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN } } : {}),
      });
      expect(response.status, route).toBe(row.expect.anonymous);
    }
  }, 120_000);
});

describe('ids and sessions', () => {
  it('guessed ids are 404, never another member’s data', async () => {
    const s = await scenario();
    for (const path of ['/api/v1/drafts/aaaaaaaaaaaaaaaa', '/api/v1/drafts/aaaaaaaaaaaaaaaa/reviews']) {
      expect((await call(path, { token: s.other.token })).status).toBe(404);
    }
    expect((await call('/api/v1/claims/aaaaaaaaaaaaaaaa', { method: 'DELETE', token: s.other.token })).status).toBe(404);
    expect((await call('/api/v1/reviews/aaaaaaaaaaaaaaaa/rating', { token: s.other.token, body: { helpful: true } })).status).toBe(404);
  });

  it('a signed-out or expired session is anonymous everywhere', async () => {
    const s = await scenario();
    await call('/api/v1/auth/session', { method: 'DELETE', token: s.owner.token });
    expect((await call('/api/v1/me', { token: s.owner.token })).status).toBe(401);
    expect((await call('/dashboard', { cookie: `__Host-volley_session=${s.owner.token}` })).status).toBe(303);
    const later = Date.now() + config.auth.sessionLifetimeMs + 60_000;
    expect((await call('/api/v1/me', { token: s.other.token, now: later })).status).toBe(401);
    expect((await call(`/api/v1/drafts/${s.draftId}`, { token: s.other.token, now: later })).status).toBe(401);
  });
});
