import { and, eq, isNull, lt } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { config } from '../config';
import { database } from '../db/client';
import { idempotencyKeys } from '../db/schema';
import type { AppEnv } from '../env';
import { ApiError, badRequest } from '../lib/errors';
import { sha256Hex } from '../lib/ids';
import { isSafeMethod } from '../lib/origin';

/** Sign-in answers carry session tokens: never kept, so a retry there simply runs again (each link works once). */
const NEVER_STORED = /^\/api\/v1\/auth\//;

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
  if (key.length > config.idempotency.maxKeyLength) {
    throw badRequest('invalid_idempotency_key', `Idempotency-Key is at most ${config.idempotency.maxKeyLength} characters.`);
  }

  const requestHash = await sha256Hex(`${c.req.method} ${c.req.path}\n${await c.req.text()}`);
  const db = database(c.env.DB);
  const now = c.var.clock();
  const mine = and(eq(idempotencyKeys.memberId, member.id), eq(idempotencyKeys.key, key));
  const reserved = await db
    .insert(idempotencyKeys)
    .values({ memberId: member.id, key, requestHash, createdAt: now })
    // A reservation whose request died before answering (no status after a minute) is taken over by the retry.
    .onConflictDoUpdate({
      target: [idempotencyKeys.memberId, idempotencyKeys.key],
      set: { createdAt: now },
      setWhere: and(
        isNull(idempotencyKeys.status),
        eq(idempotencyKeys.requestHash, requestHash),
        lt(idempotencyKeys.createdAt, now - config.idempotency.abandonedAfterMs),
      ),
    })
    .returning({ key: idempotencyKeys.key });

  if (reserved.length === 0) {
    const [first] = await db
      .select({ requestHash: idempotencyKeys.requestHash, status: idempotencyKeys.status, responseBody: idempotencyKeys.responseBody })
      .from(idempotencyKeys)
      .where(mine);
    if (first && first.requestHash !== requestHash) {
      throw new ApiError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different request.');
    }
    if (!first || first.status === null) {
      throw new ApiError(409, 'idempotency_in_progress', 'A request with this Idempotency-Key is still running; retry shortly.');
    }
    return c.body(first.responseBody ?? '', first.status as 200, {
      'content-type': 'application/json; charset=utf-8',
      'idempotent-replayed': 'true',
    });
  }

  await next();
  // A server fault is not an answer worth replaying: free the key so a retry runs again.
  if (c.res.status >= 500) await db.delete(idempotencyKeys).where(mine);
  else await db.update(idempotencyKeys).set({ status: c.res.status, responseBody: await c.res.clone().text() }).where(mine);
};

/** Cron: keys are kept for a day, far longer than any client retries. */
export async function deleteOldIdempotencyKeys(d1: D1Database, now: number) {
  const deleted = await database(d1)
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, now - config.idempotency.keyLifetimeMs))
    .returning({ key: idempotencyKeys.key });
  return deleted.length;
}
