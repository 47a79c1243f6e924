import { and, desc, eq, sql } from 'drizzle-orm';
import { memberMayHoldSession } from '../auth/suspension';
import { config } from '../config';
import type { Database } from '../db/client';
import { statement } from '../db/statements';
import { accessTokens, accounts, members, type AccessTokenScope } from '../db/schema';
import { conflict, notFound } from '../lib/errors';
import { newId, newToken, sha256Hex } from '../lib/ids';
import type { CreateAccessTokenInput } from './schemas';

const iso = (ms: number) => new Date(ms).toISOString();

type TokenRow = typeof accessTokens.$inferSelect;

function presentAccessToken(row: Pick<TokenRow, 'id' | 'name' | 'scope' | 'createdAt' | 'lastUsedAt'>) {
  return { id: row.id, name: row.name, scope: row.scope, createdAt: iso(row.createdAt), lastUsedAt: row.lastUsedAt === null ? null : iso(row.lastUsedAt) };
}

/**
 * Makes a token and returns its secret, the only time it is ever seen: the
 * table keeps its hash. One conditional INSERT holds the per-member cap.
 */
export async function createAccessToken(d1: D1Database, memberId: string, input: CreateAccessTokenInput, now: number) {
  const id = newId();
  const token = `${config.accessTokens.prefix}${newToken(config.accessTokens.bytes)}`;
  const result = await statement(
    d1,
    sql`INSERT INTO access_tokens (id, member_id, name, scope, token_hash, created_at)
      SELECT ${id}, ${memberId}, ${input.name}, ${input.scope}, ${await sha256Hex(token)}, ${now}
      WHERE (SELECT count(*) FROM access_tokens WHERE member_id = ${memberId}) < ${config.accessTokens.maxPerMember}`,
  ).run();
  if (result.meta.changes === 0) {
    throw conflict('too_many_tokens', `You have ${config.accessTokens.maxPerMember} tokens already: revoke one you no longer use first.`);
  }
  return { id, name: input.name, scope: input.scope, token, createdAt: iso(now) };
}

/** The member's tokens, newest first, never their secrets. */
export async function listAccessTokens(db: Database, memberId: string) {
  const rows = await db
    .select({ id: accessTokens.id, name: accessTokens.name, scope: accessTokens.scope, createdAt: accessTokens.createdAt, lastUsedAt: accessTokens.lastUsedAt })
    .from(accessTokens)
    .where(eq(accessTokens.memberId, memberId))
    .orderBy(desc(accessTokens.createdAt), desc(accessTokens.id));
  return rows.map(presentAccessToken);
}

/** Deletes the token, so the very next request that sends it is refused. */
export async function revokeAccessToken(db: Database, memberId: string, tokenId: string) {
  const [gone] = await db
    .delete(accessTokens)
    .where(and(eq(accessTokens.id, tokenId), eq(accessTokens.memberId, memberId)))
    .returning();
  if (!gone) throw notFound('That token');
  return presentAccessToken(gone);
}

export type FoundAccessToken = {
  id: string;
  scope: AccessTokenScope;
  member: typeof members.$inferSelect & { credits: number };
  /** Stamps lastUsedAt, at most once a minute a token; null when it is fresh enough. */
  touch: Promise<void> | null;
};

/** The member behind a token, with their balance, as the session lookup gives it. */
export async function findAccessToken(db: Database, token: string, now: number): Promise<FoundAccessToken | null> {
  const [row] = await db
    // Aliased: the metered D1 reads rows by column name, and the member's "id" would hide the token's.
    .select({ member: members, credits: accounts.balance, id: sql<string>`${accessTokens.id}`.as('token_id'), scope: accessTokens.scope, lastUsedAt: accessTokens.lastUsedAt })
    .from(accessTokens)
    .innerJoin(members, eq(accessTokens.memberId, members.id))
    .leftJoin(accounts, eq(accounts.id, members.id))
    .where(and(eq(accessTokens.tokenHash, await sha256Hex(token)), memberMayHoldSession));
  if (!row) return null;
  const stale = row.lastUsedAt === null || now - row.lastUsedAt >= config.accessTokens.lastUsedResolutionMs;
  const touch = stale
    ? db.update(accessTokens).set({ lastUsedAt: now }).where(eq(accessTokens.id, row.id)).then(() => undefined)
    : null;
  return { id: row.id, scope: row.scope, member: { ...row.member, credits: row.credits ?? 0 }, touch };
}
