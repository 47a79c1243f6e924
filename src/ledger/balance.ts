/** A member's balance. The trigger keeps it equal to the sum of their entries. */
export async function memberBalance(d1: D1Database, memberId: string): Promise<number> {
  const row = await d1.prepare('SELECT balance FROM accounts WHERE id = ?').bind(memberId).first<{ balance: number }>();
  return row?.balance ?? 0;
}
