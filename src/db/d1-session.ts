import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { config } from '../config';
import type { AppEnv } from '../env';
import { hostCookie } from '../lib/host-cookie';

/** D1 bookmarks are opaque but short and plain; anything else is ignored rather than sent to D1. */
const BOOKMARK = /^[\w-]{1,256}$/;

/**
 * A D1Database whose queries and batches all run in one D1 session, so that
 * with read replication on they may go to the nearest replica while staying
 * sequentially consistent. Nothing on the request path uses `exec` or `dump`.
 */
function inSession(db: D1Database, session: D1DatabaseSession): D1Database {
  return {
    prepare: (query) => session.prepare(query),
    batch: (statements) => session.batch(statements),
    exec: (query) => db.exec(query),
    dump: () => db.dump(),
    withSession: () => session,
  };
}

/**
 * Every request reads and writes through `env.DB.withSession(...)`: from the
 * bookmark the client sends back (the `X-D1-Bookmark` header, or the cookie
 * set after its last write), else `first-unconstrained`. The bookmark after the
 * request's last query goes back in the header; after a write it is also kept
 * in a cookie, so the member's next page reads at least that fresh and always
 * sees their own writes.
 *
 * @example
 * app.use(d1Session); // before serverTiming, which meters the session's calls
 */
export const d1Session: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.env?.DB) return next();
  const cookie = hostCookie(c, config.d1.bookmarkCookie);
  const sent = c.req.header('x-d1-bookmark') ?? getCookie(c, cookie.name);
  const session = c.env.DB.withSession(sent && BOOKMARK.test(sent) ? sent : 'first-unconstrained');
  c.env = { ...c.env, DB: inSession(c.env.DB, session) };
  await next();
  const bookmark = session.getBookmark();
  if (!bookmark) return;
  c.header('X-D1-Bookmark', bookmark);
  if (!c.var.d1Usage?.rowsWritten || bookmark === sent) return;
  setCookie(c, cookie.name, bookmark, {
    path: '/',
    httpOnly: true,
    secure: cookie.secure,
    sameSite: 'Lax',
    maxAge: Math.floor(config.d1.bookmarkCookieLifetimeMs / 1000),
  });
};
