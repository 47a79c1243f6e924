import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import { config } from '../config';
import { database, type Database } from '../db/client';
import { statement } from '../db/statements';
import { accounts, loginTokens, members, sessions, type SignedInMember } from '../db/schema';
import { badRequest } from '../lib/errors';
import { MINT, transferStatement } from '../ledger/transfer';
import { newId, newToken, sha256Hex } from '../lib/ids';
import { presentMember } from '../members/present';
import { openSession } from './open-session';
import { codeHashesMatch } from './sign-in-code';
import { accountSuspended, memberMayHoldSession } from './suspension';

export type SignedIn = { token: string; sessionId: string };

/*
 * A session token is `<member id>.<secret>`, and only the secret's hash is
 * stored. Naming the member lets a request build its reads for that member at
 * once and check the session inside the same D1 batch (auth/session-check.ts);
 * the lookup matches the member too, so editing the name signs in nobody.
 * Tokens from before (the secret alone) still work, through a lookup of their own.
 */
const TOKEN_SEPARATOR = '.';

const sessionToken = (memberId: string, secret: string) => `${memberId}${TOKEN_SEPARATOR}${secret}`;

/** The member a session token names (null for an older token) and its secret. */
export function parseSessionToken(token: string): { claimedMemberId: string | null; secret: string } {
  const at = token.indexOf(TOKEN_SEPARATOR);
  return at < 0 ? { claimedMemberId: null, secret: token } : { claimedMemberId: token.slice(0, at), secret: token.slice(at + 1) };
}

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

/** A fresh session id and secret, not yet stored; `tokenFor` makes the token once the member is known. */
export async function newSession() {
  const secret = newToken(config.auth.tokenBytes);
  return { id: newId(), tokenHash: await sha256Hex(secret), tokenFor: (memberId: string) => sessionToken(memberId, secret) };
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
    // Who signed in is only known inside the batch (the member may be new): their id makes the token.
    statement(d1, sql`SELECT member_id FROM sessions WHERE id = ${session.id}`),
  ]);
  if (results[0]!.meta.changes === 0) return null;
  // The token was good, but its member is suspended: it is spent and no session exists.
  if (results[2]!.meta.changes === 0) throw accountSuspended();
  const [opened] = results[5]!.results as Array<{ member_id: string }>;
  return { token: session.tokenFor(opened!.member_id), sessionId: session.id };
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

const memberColumns = Object.entries(getTableColumns(members));

/** The member's columns under their field names: built once, as every signed-in request selects them. */
const memberSelection = sql.join(
  memberColumns.map(([key, column]) => sql`${column} AS ${sql.identifier(key)}`),
  sql`, `,
);

/**
 * THE session check: the live session behind a token, with its member and
 * balance, as one SELECT that can ride in any batch. A session that slipped
 * past a suspension (none should) still signs nobody in. Columns come back
 * under the member's field names, mapped by `sessionFromRow`.
 */
export async function sessionLookup(token: string, now: number) {
  const { claimedMemberId, secret } = parseSessionToken(token);
  return sql`SELECT ${memberSelection}, coalesce(${accounts.balance}, 0) AS credits, ${sessions.id} AS session_id, ${sessions.expiresAt} AS session_expires_at
    FROM ${sessions} JOIN ${members} ON ${members.id} = ${sessions.memberId} LEFT JOIN ${accounts} ON ${accounts.id} = ${members.id}
    WHERE ${sessions.tokenHash} = ${await sha256Hex(secret)} AND ${sessions.expiresAt} > ${now}
      ${claimedMemberId === null ? sql`` : sql`AND ${sessions.memberId} = ${claimedMemberId}`} AND ${memberMayHoldSession}`;
}

export type FoundSession = { member: SignedInMember; sessionId: string; expiresAt: number };

/** A row of `sessionLookup` as the member it signs in, or null when there was none. */
export function sessionFromRow(row: Record<string, unknown> | undefined): FoundSession | null {
  if (!row) return null;
  const member = Object.fromEntries(
    memberColumns.map(([key, column]) => [key, row[key] === null ? null : column.mapFromDriverValue(row[key])]),
  ) as SignedInMember;
  member.credits = row.credits as number;
  return { member, sessionId: row.session_id as string, expiresAt: row.session_expires_at as number };
}

/** The session's expiry pushed forward, at most once a day, so reads do not all write; null when not due. */
export function renewal(d1: D1Database, found: FoundSession, now: number): D1PreparedStatement | null {
  if (found.expiresAt - now >= config.auth.sessionLifetimeMs - config.auth.sessionRenewAfterMs) return null;
  return statement(d1, sql`UPDATE sessions SET expires_at = ${now + config.auth.sessionLifetimeMs} WHERE id = ${found.sessionId}`);
}

/** The live session behind a token, on its own round trip. */
export async function findSession(d1: D1Database, token: string, now: number): Promise<FoundSession | null> {
  const { results } = await statement(d1, await sessionLookup(token, now)).all<Record<string, unknown>>();
  return sessionFromRow(results[0]);
}

/** What signing in answers an API client, whichever way it signed in: the token and who it is. */
export async function sessionAnswer(d1: D1Database, token: string, now: number) {
  const session = await findSession(d1, token, now);
  return { token, member: presentMember(session!.member) };
}

/** Ends the session behind a token; how many ended (0 when it had already). */
export async function endSession(d1: D1Database, token: string): Promise<number> {
  const { claimedMemberId, secret } = parseSessionToken(token);
  const result = await statement(
    d1,
    sql`DELETE FROM sessions WHERE token_hash = ${await sha256Hex(secret)}
      ${claimedMemberId === null ? sql`` : sql`AND member_id = ${claimedMemberId}`}`,
  ).run();
  return result.meta.changes;
}

export async function endAllSessions(db: Database, memberId: string): Promise<number> {
  const result = await db.delete(sessions).where(eq(sessions.memberId, memberId));
  return result.meta.changes;
}
