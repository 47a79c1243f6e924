import { lt } from 'drizzle-orm';
import type { Database } from '../db/client';
import { loginTokens, sessions } from '../db/schema';

/** Drops link tokens and sessions past their expiry; they can no longer sign anyone in. */
export async function deleteExpiredCredentials(db: Database, now: number) {
  const [tokens, ended] = await db.batch([
    db.delete(loginTokens).where(lt(loginTokens.expiresAt, now)),
    db.delete(sessions).where(lt(sessions.expiresAt, now)),
  ]);
  return { linkTokens: tokens.meta.changes, sessions: ended.meta.changes };
}
