import { sql } from 'drizzle-orm';
import { config } from '../config';
import { statement } from '../db/statements';
import type { TransferReason } from '../db/schema';
import { decodeCursor, paginate } from '../lib/cursor';

type EntryRow = {
  seq: number;
  id: string;
  from_account: string;
  to_account: string;
  amount: number;
  reason: TransferReason;
  draft_id: string | null;
  draft_title: string | null;
  review_id: string | null;
  claim_id: string | null;
  from_balance_after: number;
  to_balance_after: number;
  created_at: number;
};

const describe: Record<TransferReason, (title: string | null, incoming: boolean) => string> = {
  welcome: () => 'Welcome to Volley',
  post_draft: (t) => `Posted “${t}” (held in escrow until its reviews arrive)`,
  review_paid: (t, incoming) => (incoming ? `Reviewed “${t}”` : `Review of “${t}” paid`),
  helpful_bonus: (t) => `Your review of “${t}” was rated helpful`,
  refund: (t) => `Refund for unused review slots of “${t}”`,
  adjustment: () => 'Adjustment',
};

/**
 * A member's ledger, newest first, each entry with the balance right after it
 * (stamped by the ledger trigger, so no page needs the pages before it).
 */
export async function readLedger(d1: D1Database, memberId: string, cursor: string | undefined) {
  const before = cursor ? decodeCursor<[number]>(cursor, ['number'])[0] : Number.MAX_SAFE_INTEGER;
  const page = config.pagination.pageSize;
  // Two index range scans (one per side) rather than an OR that would scan the table.
  const side = (column: 'from_account' | 'to_account') =>
    sql`SELECT t.*, d.title AS draft_title FROM transfers t LEFT JOIN drafts d ON d.id = t.draft_id
      WHERE t.${sql.identifier(column)} = ${memberId} AND t.seq < ${before}`;
  const [entries, account] = await d1.batch([
    statement(d1, sql`SELECT * FROM (${side('from_account')} UNION ALL ${side('to_account')}) ORDER BY seq DESC LIMIT ${page + 1}`),
    statement(d1, sql`SELECT balance FROM accounts WHERE id = ${memberId}`),
  ]);
  const { items, nextCursor } = paginate(entries!.results as EntryRow[], page, (r) => [r.seq]);
  return {
    balance: (account!.results[0] as { balance: number } | undefined)?.balance ?? 0,
    items: items.map((r) => {
      const incoming = r.to_account === memberId;
      return {
        id: r.id,
        createdAt: new Date(r.created_at).toISOString(),
        reason: r.reason,
        amount: incoming ? r.amount : -r.amount,
        balanceAfter: incoming ? r.to_balance_after : r.from_balance_after,
        description: describe[r.reason](r.draft_title, incoming),
        draft: r.draft_id && r.draft_title !== null ? { id: r.draft_id, title: r.draft_title } : null,
        reviewId: r.review_id,
        claimId: r.claim_id,
      };
    }),
    nextCursor,
  };
}
