import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { loginTokens } from '../db/schema';
import { sha256Hex } from '../lib/ids';
import { usable } from './sessions';

/**
 * The address a sign-in link would sign in, if the link can still be used.
 * Only reads: opening a link (a person, or a mail scanner before them)
 * changes nothing; the confirmation form's POST spends it.
 */
export async function pendingLinkEmail(db: Database, token: string, now: number): Promise<string | null> {
  const [row] = await db
    .select({ email: loginTokens.email })
    .from(loginTokens)
    .where(and(eq(loginTokens.tokenHash, await sha256Hex(token)), usable(now)));
  return row?.email ?? null;
}
