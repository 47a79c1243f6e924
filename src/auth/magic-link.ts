import { config } from '../config';
import type { Database } from '../db/client';
import { loginTokens } from '../db/schema';
import { newToken, sha256Hex } from '../lib/ids';

/** Stores a fresh single-use sign-in token for the address and returns the secret to email. */
export async function createLinkToken(db: Database, email: string, now: number): Promise<string> {
  const token = newToken(config.auth.tokenBytes);
  await db.insert(loginTokens).values({
    tokenHash: await sha256Hex(token),
    email,
    createdAt: now,
    expiresAt: now + config.auth.linkTokenLifetimeMs,
  });
  return token;
}

export function signInUrl(origin: string, token: string): string {
  return `${origin}/auth/callback?token=${encodeURIComponent(token)}`;
}
