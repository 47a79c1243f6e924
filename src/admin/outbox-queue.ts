import { sql, type SQL } from 'drizzle-orm';
import { config } from '../config';
import type { emailOutbox } from '../db/schema';
import { statement } from '../db/statements';
import { decodeCursor, invalidCursor, paginate } from '../lib/cursor';

/** What an operator may need to act on, in the order the page lists it. */
const attention = ['dead', 'pending', 'sending'] as const;

type Status = (typeof attention)[number];
type After = [Status, number, string];

export type OutboxEntry = Pick<typeof emailOutbox.$inferSelect, 'id' | 'kind' | 'toAddress' | 'status' | 'attempts' | 'nextAttemptAt' | 'lastError'>;

/**
 * One query per status, each walking the (status, next_attempt_at) index from
 * the cursor, so a page costs the same however many emails were ever sent.
 * Their results, one status after another, are already in the page's order.
 */
export function adminOutboxQueries(after: After | null | undefined): SQL[] {
  const from = after ? attention.indexOf(after[0]) : 0;
  return attention.slice(Math.max(from, 0)).map(
    (status) => sql`SELECT id, kind, to_address AS toAddress, status, attempts, next_attempt_at AS nextAttemptAt, last_error AS lastError
      FROM email_outbox WHERE status = ${status}
        ${after && status === after[0] ? sql`AND (next_attempt_at, id) > (${after[1]}, ${after[2]})` : sql``}
      ORDER BY next_attempt_at, id LIMIT ${config.pagination.pageSize + 1}`,
  );
}

/**
 * A page of the outbox rows needing attention, and how many rows are in each
 * status but "sent" (counting those would read every email ever sent).
 */
export async function readOutboxPage(d1: D1Database, cursor: string | undefined) {
  const after = cursor ? decodeCursor<After>(cursor, ['string', 'number', 'string']) : null;
  if (after && !attention.includes(after[0])) throw invalidCursor();
  const [counts, ...pages] = await d1.batch([
    statement(d1, sql`SELECT status, count(*) AS n FROM email_outbox WHERE status IN ('pending', 'sending', 'dead', 'suppressed') GROUP BY status`),
    ...adminOutboxQueries(after).map((query) => statement(d1, query)),
  ]);
  const rows = pages.flatMap((page) => page.results as OutboxEntry[]);
  return {
    page: paginate(rows, config.pagination.pageSize, (r) => [r.status, r.nextAttemptAt, r.id]),
    counts: Object.fromEntries((counts!.results as Array<{ status: string; n: number }>).map((r) => [r.status, r.n])),
  };
}
