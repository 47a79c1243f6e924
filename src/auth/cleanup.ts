import { lt } from 'drizzle-orm';
import type { Database } from '../db/client';
import { loginTokens, passkeyChallenges, sessions, signInCounts } from '../db/schema';
import { utcDay } from '../lib/clock';

/** Drops link tokens, sessions and passkey challenges past their expiry (they can no longer sign anyone in), and old daily counts. */
export async function deleteExpiredCredentials(db: Database, now: number) {
  const [tokens, ended, challenges] = await db.batch([
    db.delete(loginTokens).where(lt(loginTokens.expiresAt, now)),
    db.delete(sessions).where(lt(sessions.expiresAt, now)),
    db.delete(passkeyChallenges).where(lt(passkeyChallenges.expiresAt, now)),
    db.delete(signInCounts).where(lt(signInCounts.day, utcDay(now) - 1)),
  ]);
  return { linkTokens: tokens.meta.changes, sessions: ended.meta.changes, passkeyChallenges: challenges.meta.changes };
}
