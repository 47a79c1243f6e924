import { and, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import { config } from '../config';
import type { Database } from '../db/client';
import { passkeyChallenges, PASSKEY_CEREMONIES } from '../db/schema';
import { statement } from '../db/statements';
import { badRequest } from '../lib/errors';

export type Ceremony = (typeof PASSKEY_CEREMONIES)[number];

/** Stores a challenge we just issued; it works once, within its life. */
export async function storeChallenge(db: Database, challenge: string, ceremony: Ceremony, memberId: string | null, now: number) {
  await db.insert(passkeyChallenges).values({
    challenge,
    ceremony,
    memberId,
    createdAt: now,
    expiresAt: now + config.auth.passkeyChallengeLifetimeMs,
  });
}

export const challengeRefused = () =>
  badRequest('passkey_challenge_invalid', 'This passkey request expired or was already used. Try again.');

/** The live, unused challenge of this ceremony (and member, when adding a passkey), as a query for one read. */
export const liveChallenge = (db: Database, challenge: string, ceremony: Ceremony, memberId: string | null, now: number) =>
  db
    .select({ challenge: passkeyChallenges.challenge })
    .from(passkeyChallenges)
    .where(
      and(
        eq(passkeyChallenges.challenge, challenge),
        eq(passkeyChallenges.ceremony, ceremony),
        memberId ? eq(passkeyChallenges.memberId, memberId) : isNull(passkeyChallenges.memberId),
        isNull(passkeyChallenges.usedAt),
        gt(passkeyChallenges.expiresAt, now),
      ),
    );

/**
 * Uses a challenge up inside the batch that acts on it, stamping `by` on it;
 * the batch's other statements act only where `challengeUsedBy` holds, so of
 * two requests racing with one challenge, one wins.
 */
export function useChallenge(d1: D1Database, challenge: string, by: string, now: number) {
  return statement(
    d1,
    sql`UPDATE passkey_challenges SET used_at = ${now}, used_by = ${by}
      WHERE challenge = ${challenge} AND used_at IS NULL AND expires_at > ${now}`,
  );
}

export const challengeUsedBy = (challenge: string, by: string): SQL =>
  sql`EXISTS (SELECT 1 FROM passkey_challenges WHERE challenge = ${challenge} AND used_by = ${by})`;
