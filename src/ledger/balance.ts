import { sql } from 'drizzle-orm';
import { statement } from '../db/statements';

/** A member's balance. The trigger keeps it equal to the sum of their entries. */
export async function memberBalance(d1: D1Database, memberId: string): Promise<number> {
  const row = await statement(d1, sql`SELECT balance FROM accounts WHERE id = ${memberId}`).first<{ balance: number }>();
  return row?.balance ?? 0;
}
