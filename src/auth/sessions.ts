import { and, eq, gt, sql } from 'drizzle-orm';
import { config } from '../config';
import type { Database } from '../db/client';
import { statement } from '../db/statements';
import { accounts, members, sessions } from '../db/schema';
import { badRequest } from '../lib/errors';
import { MINT, transferStatement } from '../ledger/transfer';
import { newId, newToken, sha256Hex } from '../lib/ids';
import { accountSuspended, mayHoldSession, memberMayHoldSession } from './suspension';

export type SignedIn = { token: string; sessionId: string };

const invalidLink = () =>
  badRequest('invalid_token', 'This sign-in link is invalid, expired or already used. Ask for a new one.');

function defaultName(): string {
  return `${config.auth.defaultNamePrefix} ${newId().slice(0, 4).toUpperCase()}`;
}

/**
 * Exchanges a sign-in link token for a new session, creating the member on
 * first sign-in. One batch: the token is consumed by a conditional UPDATE that
 * stamps this session's id on it, and every later statement only acts if that
 * stamp is there, so two racing exchanges of one token yield one session.
 * The member's account and welcome grant ride in the same batch.
 */
export async function exchangeLinkToken(d1: D1Database, linkToken: string, now: number): Promise<SignedIn> {
  const tokenHash = await sha256Hex(linkToken);
  const sessionId = newId();
  const sessionToken = newToken(config.auth.tokenBytes);
  const sessionHash = await sha256Hex(sessionToken);
  const won = sql`t.token_hash = ${tokenHash} AND t.session_id = ${sessionId}`;

  const memberOfToken = sql`FROM login_tokens t JOIN members m ON m.email = t.email WHERE ${won}`;

  const sessionOfToken = sql`${memberOfToken} AND ${mayHoldSession}`;
  const results = await d1.batch([
    statement(d1, sql`UPDATE login_tokens SET used_at = ${now}, session_id = ${sessionId}
      WHERE token_hash = ${tokenHash} AND used_at IS NULL AND expires_at > ${now}`),
    statement(d1, sql`INSERT INTO members (id, email, name, created_at)
      SELECT ${newId()}, t.email, ${defaultName()}, ${now} FROM login_tokens t WHERE ${won}
      ON CONFLICT (email) DO NOTHING`),
    statement(d1, sql`INSERT INTO sessions (id, token_hash, member_id, created_at, expires_at)
      SELECT ${sessionId}, ${sessionHash}, m.id, ${now}, ${now + config.auth.sessionLifetimeMs}
      ${sessionOfToken}`),
    statement(d1, sql`INSERT INTO accounts (id, kind) SELECT m.id, 'member' ${memberOfToken} ON CONFLICT (id) DO NOTHING`),
    // Keyed by member: every later sign-in replays this as a no-op.
    transferStatement(d1, {
      from: MINT,
      to: sql`m.id`,
      amount: config.credits.welcomeGrant,
      reason: 'welcome',
      key: sql`'welcome:' || m.id`,
      now,
      source: memberOfToken,
    }),
  ]);
  if (results[0]!.meta.changes === 0) throw invalidLink();
  // The link was good, but its member is suspended: the token is spent and no session exists.
  if (results[2]!.meta.changes === 0) throw accountSuspended();
  return { token: sessionToken, sessionId };
}

/** The live session behind a token, renewing its expiry at most once a day. */
export async function findSession(db: Database, token: string, now: number) {
  const [row] = await db
    .select({ member: members, credits: accounts.balance, sessionId: sessions.id, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(members, eq(sessions.memberId, members.id))
    .leftJoin(accounts, eq(accounts.id, members.id))
    // A session that slipped past a suspension (none should) still signs nobody in.
    .where(and(eq(sessions.tokenHash, await sha256Hex(token)), gt(sessions.expiresAt, now), memberMayHoldSession));
  if (!row) return null;
  const renewal =
    row.expiresAt - now < config.auth.sessionLifetimeMs - config.auth.sessionRenewAfterMs
      ? db
          .update(sessions)
          .set({ expiresAt: now + config.auth.sessionLifetimeMs })
          .where(eq(sessions.id, row.sessionId))
          .then(() => undefined)
      : null;
  return { member: { ...row.member, credits: row.credits ?? 0 }, sessionId: row.sessionId, renewal };
}

export async function endSession(db: Database, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function endAllSessions(db: Database, memberId: string): Promise<number> {
  const result = await db.delete(sessions).where(eq(sessions.memberId, memberId));
  return result.meta.changes;
}
