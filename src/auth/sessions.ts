import { and, eq, gt, sql } from 'drizzle-orm';
import { config } from '../config';
import { database, type Database } from '../db/client';
import { statement } from '../db/statements';
import { accounts, loginTokens, members, sessions } from '../db/schema';
import { badRequest } from '../lib/errors';
import { MINT, transferStatement } from '../ledger/transfer';
import { newId, newToken, sha256Hex } from '../lib/ids';
import { presentMember } from '../members/present';
import { openSession } from './open-session';
import { codeHashesMatch } from './sign-in-code';
import { accountSuspended, memberMayHoldSession } from './suspension';

export type SignedIn = { token: string; sessionId: string };

const invalidLink = () =>
  badRequest('invalid_token', 'This sign-in link is invalid, expired or already used. Ask for a new one.');

/** One answer for a wrong code, a spent one and an address with no link pending: it tells nothing about the address. */
const invalidCode = () =>
  badRequest('invalid_code', 'That code is wrong, expired or already used. Check the newest email, or ask for a new one.', {
    code: 'That code did not work.',
  });

function defaultName(): string {
  return `${config.auth.defaultNamePrefix} ${newId().slice(0, 4).toUpperCase()}`;
}

/** A login token (link and code) that can still sign in: not used, not expired, not spent by wrong codes. */
export const usable = (now: number) =>
  sql`used_at IS NULL AND expires_at > ${now} AND failed_code_attempts < ${config.auth.maxCodeAttempts}`;

/** A fresh session token and id, not yet stored. */
export async function newSession() {
  const token = newToken(config.auth.tokenBytes);
  return { id: newId(), token, tokenHash: await sha256Hex(token) };
}

/**
 * Spends a login token (link and code alike: they are one row) for a new
 * session, creating the member on first sign-in. One batch: the token is
 * consumed by a conditional UPDATE that stamps this session's id on it, and
 * every later statement only acts if that stamp is there, so racing exchanges
 * of one token, by link or by code, yield one session. The member's account
 * and welcome grant ride in the same batch. Null if the token was not usable;
 * a suspended member's token is spent and refused.
 */
async function spendLoginToken(d1: D1Database, tokenHash: string, now: number): Promise<SignedIn | null> {
  const session = await newSession();
  const won = sql`t.token_hash = ${tokenHash} AND t.session_id = ${session.id}`;
  const memberOfToken = sql`FROM login_tokens t JOIN members m ON m.email = t.email WHERE ${won}`;

  const results = await d1.batch([
    statement(d1, sql`UPDATE login_tokens SET used_at = ${now}, session_id = ${session.id}
      WHERE token_hash = ${tokenHash} AND ${usable(now)}`),
    statement(d1, sql`INSERT INTO members (id, email, name, created_at)
      SELECT ${newId()}, t.email, ${defaultName()}, ${now} FROM login_tokens t WHERE ${won}
      ON CONFLICT (email) DO NOTHING`),
    openSession(d1, session, memberOfToken, now),
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
  if (results[0]!.meta.changes === 0) return null;
  // The token was good, but its member is suspended: it is spent and no session exists.
  if (results[2]!.meta.changes === 0) throw accountSuspended();
  return { token: session.token, sessionId: session.id };
}

/** Exchanges the token of a sign-in link for a session (the link's code is spent with it). */
export async function exchangeLinkToken(d1: D1Database, linkToken: string, now: number): Promise<SignedIn> {
  const signedIn = await spendLoginToken(d1, await sha256Hex(linkToken), now);
  if (!signedIn) throw invalidLink();
  return signedIn;
}

/**
 * Exchanges an emailed code for a session (the link is spent with it). The
 * code is compared in constant time against every link pending for the
 * address; a wrong one counts against all of them, and the last allowed
 * wrong code spends them, so a guesser gets `maxCodeAttempts` tries per email
 * sent, and sending is capped.
 */
export async function exchangeSignInCode(d1: D1Database, email: string, typedHash: Uint8Array, now: number): Promise<SignedIn> {
  const pending = await database(d1)
    .select({ tokenHash: loginTokens.tokenHash, codeHash: loginTokens.codeHash })
    .from(loginTokens)
    .where(and(eq(loginTokens.email, email), sql`code_hash IS NOT NULL AND ${usable(now)}`));
  // Every pending code is compared, matched or not, so timing does not tell how many links are pending or which matched.
  const match = pending.filter((row) => codeHashesMatch(row.codeHash!, typedHash))[0];
  const signedIn = match ? await spendLoginToken(d1, match.tokenHash, now) : null;
  if (signedIn) return signedIn;
  if (!match) {
    await statement(d1, sql`UPDATE login_tokens
      SET failed_code_attempts = failed_code_attempts + 1,
        used_at = CASE WHEN failed_code_attempts + 1 >= ${config.auth.maxCodeAttempts} THEN ${now} ELSE used_at END
      WHERE email = ${email} AND ${usable(now)}`).run();
  }
  throw invalidCode();
}

/** The live session behind a token, renewing its expiry at most once a day. */
export async function findSession(db: Database, token: string, now: number) {
  const [row] = await db
    // Under their own names: members has an id too, and the metered D1 maps rows by name (observability/metered-d1.ts).
    .select({
      member: members,
      credits: accounts.balance,
      sessionId: sql<string>`${sessions.id}`.as('session_id'),
      expiresAt: sessions.expiresAt,
    })
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

/** What signing in answers an API client, whichever way it signed in: the token and who it is. */
export async function sessionAnswer(db: Database, token: string, now: number) {
  const session = await findSession(db, token, now);
  return { token, member: presentMember(session!.member) };
}

export async function endSession(db: Database, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function endAllSessions(db: Database, memberId: string): Promise<number> {
  const result = await db.delete(sessions).where(eq(sessions.memberId, memberId));
  return result.meta.changes;
}
