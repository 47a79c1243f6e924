import { sql } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { config } from '../config';
import { statement } from '../db/statements';
import type { AppEnv } from '../env';
import { ApiError, badRequest } from '../lib/errors';
import { sha256Hex } from '../lib/ids';
import { isSafeMethod } from '../lib/origin';

const { maxKeyLength, abandonedAfterMs, keyLifetimeMs } = config.idempotency;

/**
 * `Idempotency-Key` on API writes: the same key from the same member replays
 * the first answer (status and body) without running the write again; the same
 * key with another request is a 422. The key is reserved before the write
 * runs, so two concurrent requests with one key cannot both act.
 */
export const idempotency: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = c.req.header('idempotency-key');
  const member = c.var.member;
  if (!key || !member || isSafeMethod(c.req.method)) return next();
  if (key.length > maxKeyLength) {
    throw badRequest('invalid_idempotency_key', `Idempotency-Key is at most ${maxKeyLength} characters.`);
  }

  const requestHash = await sha256Hex(`${c.req.method} ${c.req.path}\n${await c.req.text()}`);
  const d1 = c.env.DB;
  // A reservation whose request died before answering (no status after abandonedAfterMs) is taken over by the retry.
  const reserved = await statement(
    d1,
    sql`INSERT INTO idempotency_keys (member_id, key, request_hash, created_at) VALUES (${member.id}, ${key}, ${requestHash}, ${c.var.clock()})
      ON CONFLICT (member_id, key) DO UPDATE SET created_at = excluded.created_at
      WHERE idempotency_keys.status IS NULL AND idempotency_keys.request_hash = excluded.request_hash
        AND idempotency_keys.created_at < excluded.created_at - ${abandonedAfterMs}`,
  ).run();

  if (reserved.meta.changes === 0) {
    const first = await statement(
      d1,
      sql`SELECT request_hash, status, response_body FROM idempotency_keys WHERE member_id = ${member.id} AND key = ${key}`,
    ).first<{ request_hash: string; status: number | null; response_body: string | null }>();
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
  const outcome =
    c.res.status >= 500
      ? sql`DELETE FROM idempotency_keys WHERE member_id = ${member.id} AND key = ${key}`
      : sql`UPDATE idempotency_keys SET status = ${c.res.status}, response_body = ${await c.res.clone().text()}
          WHERE member_id = ${member.id} AND key = ${key}`;
  await statement(d1, outcome).run();
};

/** Cron: keys are kept for config.idempotency.keyLifetimeMs. */
export async function deleteOldIdempotencyKeys(d1: D1Database, now: number) {
  const result = await statement(d1, sql`DELETE FROM idempotency_keys WHERE created_at < ${now - keyLifetimeMs}`).run();
  return result.meta.changes;
}
