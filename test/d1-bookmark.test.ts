import { describe, expect, it } from 'vitest';
import { config } from '../src/config';
import { call, cookieOf, json, postDraft, signIn } from './helpers';

const COOKIE = `__Host-${config.d1.bookmarkCookie}`;

/** The bookmark cookie a response sets, if any. */
function bookmarkCookie(response: Response): string | null {
  const set = response.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`));
  return set ? set.slice(COOKIE.length + 1).split(';')[0]! : null;
}

describe('D1 sessions and bookmarks', () => {
  it('a write answers its bookmark in the header and a cookie, and the next read starts from it and sees the write', async () => {
    const author = await signIn();
    const posted = await postDraft(author);
    expect(posted.status).toBe(201);
    const written = posted.headers.get('x-d1-bookmark');
    expect(written).toMatch(/^[\w-]+$/);
    expect(bookmarkCookie(posted)).toBe(written);
    const { id } = await json(posted);

    // Bookmarks sort from oldest to newest: the read is at least as fresh as the write it was handed.
    const byHeader = await call(`/api/v1/drafts/${id}`, { token: author.token, headers: { 'x-d1-bookmark': written! } });
    expect(byHeader.status).toBe(200);
    expect((await json(byHeader)).id).toBe(id);
    expect(byHeader.headers.get('x-d1-bookmark')! >= written!).toBe(true);

    const byCookie = await call(`/drafts/${id}`, { cookie: `${cookieOf(author)}; ${COOKIE}=${written}` });
    expect(byCookie.status).toBe(200);
    expect(await byCookie.text()).toContain('A draft');
    expect(byCookie.headers.get('x-d1-bookmark')! >= written!).toBe(true);
  });

  it('a read answers a bookmark but sets no cookie', async () => {
    const reader = await signIn();
    const response = await call('/api/v1/me', { token: reader.token });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-d1-bookmark')).toMatch(/^[\w-]+$/);
    expect(bookmarkCookie(response)).toBeNull();
  });

  it('a malformed bookmark is ignored: the request runs unconstrained', async () => {
    const reader = await signIn();
    for (const bad of ['not a bookmark!', 'x'.repeat(300), "'; DROP TABLE drafts; --"]) {
      const response = await call('/api/v1/me', { token: reader.token, headers: { 'x-d1-bookmark': bad } });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-d1-bookmark')).toMatch(/^[\w-]+$/);
    }
  });
});
