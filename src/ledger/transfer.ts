import { sql, type SQL } from 'drizzle-orm';
import { statement } from '../db/statements';
import type { TransferReason } from '../db/schema';
import { newId } from '../lib/ids';

export const MINT = 'mint';

type TransferInput = {
  /** Defaults to a fresh id; a statement that may insert many rows generates them in SQL. */
  id?: SQL;
  from: string | SQL;
  to: string | SQL;
  /** A number, or SQL computed inside the batch (e.g. from the draft row). */
  amount: number | SQL;
  reason: TransferReason;
  /** Unique per real-world event, e.g. `review_paid:<reviewId>`: a replay inserts nothing. */
  key: string | SQL;
  now: number;
  draftId?: string | SQL;
  reviewId?: string | SQL;
  claimId?: string | SQL;
  /** FROM/JOIN/WHERE clause after SELECT; the transfer happens only if it yields a row. */
  source?: SQL;
};

const value = (v: string | number | SQL | undefined) => (v === undefined ? sql`NULL` : sql`${v}`);

/**
 * One ledger entry as a batch statement. The `transfers_apply` trigger moves
 * both balances; the accounts CHECK aborts the whole batch on an overdraft;
 * the unique reason key makes a retried request a no-op.
 *
 * @example
 * transferStatement(d1, { from: MINT, to: memberId, amount: 3, reason: 'welcome', key: `welcome:${memberId}`, now })
 */
export function transferStatement(d1: D1Database, t: TransferInput): D1PreparedStatement {
  return statement(
    d1,
    sql`INSERT INTO transfers (id, from_account, to_account, amount, reason, reason_key, draft_id, review_id, claim_id, created_at)
      SELECT ${t.id ?? newId()}, ${value(t.from)}, ${value(t.to)}, ${value(t.amount)}, ${t.reason}, ${value(t.key)},
        ${value(t.draftId)}, ${value(t.reviewId)}, ${value(t.claimId)}, ${t.now}
      ${t.source ?? sql`WHERE 1`}
      ON CONFLICT (reason_key) DO NOTHING`,
  );
}

/** True when a batch failed because a debit would have overdrawn an account. */
export function isOverdraft(error: unknown): boolean {
  return String((error as Error)?.message ?? error).includes('CHECK constraint failed: accounts_no_overdraft');
}
