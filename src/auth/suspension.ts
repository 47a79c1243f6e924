import { isNull, sql } from 'drizzle-orm';
import { members } from '../db/schema';
import { statement } from '../db/statements';
import { ApiError } from '../lib/errors';

/*
 * Suspension, as sign-in sees it, in one place: every way into an account (the
 * magic link and its code today; passkeys and personal access tokens when they
 * come) asks `mayHoldSession` inside the statement that creates the session or
 * accepts the credential, and a suspension ends what exists with
 * `endSessionsOfSuspended`. The magic-link request itself still answers 202,
 * so an address's standing is never revealed to whoever types it.
 */

/** The members row aliased `m` may hold a session: not suspended. */
export const mayHoldSession = sql`m.suspended_at IS NULL`;

/** `mayHoldSession` for drizzle's query builder, which names the table rather than an alias. */
export const memberMayHoldSession = isNull(members.suspendedAt);

/** Ends every session and personal access token of a member once the batch has suspended them. */
export const endSessionsOfSuspended = (d1: D1Database, memberId: string) => {
  const suspended = sql`EXISTS (SELECT 1 FROM members m WHERE m.id = ${memberId} AND NOT ${mayHoldSession})`;
  return [
    statement(d1, sql`DELETE FROM sessions WHERE member_id = ${memberId} AND ${suspended}`),
    statement(d1, sql`DELETE FROM access_tokens WHERE member_id = ${memberId} AND ${suspended}`),
  ];
};

/** What a suspended member is told when they try to sign in. */
export const accountSuspended = () =>
  new ApiError(403, 'account_suspended', 'This account is suspended by Volley’s moderators. The email we sent says why.');
