import { describe, expect, it } from 'vitest';
import { config } from '../src/config';
import { appRoutes, describeMatrix, matrix, scenario } from './access-matrix';
import { call } from './helpers';

describe('access control on every API route', () => {
  it('every route of the app has a row in the matrix, and every row a route', () => {
    expect(appRoutes().sort()).toEqual(Object.keys(matrix).sort());
  });

  describeMatrix('api');
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
