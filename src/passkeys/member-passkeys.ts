import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { passkeys } from '../db/schema';
import { notFound } from '../lib/errors';

export type Passkey = typeof passkeys.$inferSelect;

/** A passkey as the API and Settings show it: never its key material. */
export function presentPasskey(passkey: Passkey) {
  return {
    id: passkey.id,
    name: passkey.name,
    createdAt: new Date(passkey.createdAt).toISOString(),
    lastUsedAt: passkey.lastUsedAt === null ? null : new Date(passkey.lastUsedAt).toISOString(),
  };
}

export function listPasskeys(db: Database, memberId: string): Promise<Passkey[]> {
  return db.select().from(passkeys).where(eq(passkeys.memberId, memberId)).orderBy(desc(passkeys.createdAt));
}

/** Removes one of the member's own passkeys; anyone else's is not found, as if it did not exist. */
export async function removePasskey(db: Database, memberId: string, passkeyId: string): Promise<Passkey> {
  const [removed] = await db
    .delete(passkeys)
    .where(and(eq(passkeys.id, passkeyId), eq(passkeys.memberId, memberId)))
    .returning();
  if (!removed) throw notFound('That passkey');
  return removed;
}
