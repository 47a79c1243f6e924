import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { ApiError, badRequest } from '../lib/errors';
import { sha256Hex } from '../lib/ids';
import { isSafeMethod } from '../lib/origin';

const MAX_KEY_LENGTH = 255;
/** Sign-in answers carry session tokens: never kept, so a retry there simply runs again (each link works once). */
const NEVER_STORED = /^\/api\/v1\/auth\//;
const ABANDONED_AFTER_MS = 60_000;

/**
 * `Idempotency-Key` on API writes: the same key from the same member replays
 * the first answer (status and body) without running the write again; the same
 * key with another request is a 422. The key is reserved before the write
 * runs, so two concurrent requests with one key cannot both act.
 */
export const idempotency: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = c.req.header('idempotency-key');
  const member = c.var.member;
  if (!key || !member || isSafeMethod(c.req.method) || NEVER_STORED.test(c.req.path)) return next();
  if (key.length > MAX_KEY_LENGTH) {
    throw badRequest('invalid_idempotency_key', `Idempotency-Key is at most ${MAX_KEY_LENGTH} characters.`);
  }

  const requestHash = await sha256Hex(`${c.req.method} ${c.req.path}\n${await c.req.text()}`);
  const d1 = c.env.DB;
  const reserved = await d1
    .prepare(
      // A reservation whose request died before answering (no status after a minute) is taken over by the retry.
      `INSERT INTO idempotency_keys (member_id, key, request_hash, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (member_id, key) DO UPDATE SET created_at = excluded.created_at
       WHERE idempotency_keys.status IS NULL AND idempotency_keys.request_hash = excluded.request_hash
         AND idempotency_keys.created_at < excluded.created_at - ?`,
    )
    .bind(member.id, key, requestHash, c.var.clock(), ABANDONED_AFTER_MS)
    .run();

  if (reserved.meta.changes === 0) {
    const first = await d1
      .prepare('SELECT request_hash, status, response_body FROM idempotency_keys WHERE member_id = ? AND key = ?')
      .bind(member.id, key)
      .first<{ request_hash: string; status: number | null; response_body: string | null }>();
    if (first && first.request_hash !== requestHash) {
      throw new ApiError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different request.');
    }
    if (!first || first.status === null) {
      throw new ApiError(409, 'idempotency_in_progress', 'A request with this Idempotency-Key is still running; retry shortly.');
    }
    return c.body(first.response_body ?? '', first.status as 200, {
      'content-type': 'application/json; charset=utf-8',
      'idempotent-replayed': 'true',
    });
  }

  await next();
  // A server fault is not an answer worth replaying: free the key so a retry runs again.
  const statement =
    c.res.status >= 500
      ? d1.prepare('DELETE FROM idempotency_keys WHERE member_id = ? AND key = ?').bind(member.id, key)
      : d1
          .prepare('UPDATE idempotency_keys SET status = ?, response_body = ? WHERE member_id = ? AND key = ?')
          .bind(c.res.status, await c.res.clone().text(), member.id, key);
  await statement.run();
};

/** Cron: keys are kept for a day, far longer than any client retries. */
export async function deleteOldIdempotencyKeys(d1: D1Database, now: number) {
  const result = await d1.prepare('DELETE FROM idempotency_keys WHERE created_at < ?').bind(now - 24 * 60 * 60 * 1000).run();
  return result.meta.changes;
}
