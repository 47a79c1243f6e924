import { and, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { config } from '../config';
import type { Database } from '../db/client';
import { statement } from '../db/statements';
import { emailOutbox, type EmailKind } from '../db/schema';
import { newId } from '../lib/ids';
import type { EmailMessage } from './message';

export type OutboxEmail = {
  kind: EmailKind;
  memberId: string | null;
  message: EmailMessage;
  /** One email per event, however often the statement runs (e.g. `claim_expiring:<claimId>`). */
  dedupeKey?: string;
};

/**
 * The statement that puts an email in the outbox, for the same batch as the
 * event that causes it: if the batch fails, no email exists. `when` makes it
 * conditional on the event having happened (e.g. the review row exists) and on
 * the member's preference; a suppressed address gets nothing.
 *
 * @example
 * const email = enqueueEmail(d1, { kind: 'review_received', memberId, message }, now, sql`EXISTS (...)`);
 * await d1.batch([...eventStatements, email.statement]);
 */
export function enqueueEmail(d1: D1Database, email: OutboxEmail, now: number, when: SQL = sql`1`) {
  const id = newId();
  const { message } = email;
  return {
    id,
    statement: statement(
      d1,
      sql`INSERT INTO email_outbox (id, kind, member_id, to_address, subject, text_body, html_body, headers, dedupe_key, next_attempt_at, created_at)
        SELECT ${id}, ${email.kind}, ${email.memberId}, ${message.to}, ${message.subject}, ${message.text}, ${message.html},
          ${JSON.stringify(message.headers ?? {})}, ${email.dedupeKey ?? null}, ${now}, ${now}
        WHERE (${when}) AND NOT EXISTS (SELECT 1 FROM suppressions WHERE email = ${message.to})
        ON CONFLICT DO NOTHING`,
    ),
  };
}

/** A member's preference as a condition checked inside the batch, so a change made a moment ago counts. */
export const memberWants = (memberId: string, condition: SQL) =>
  sql`EXISTS (SELECT 1 FROM members WHERE id = ${memberId} AND ${condition})`;

/**
 * Cron: sent (and suppressed) email is deleted once it is older than the
 * retention period; dead and pending email stays for the operator's page.
 * Nothing else refers to a sent row: the books are the ledger's.
 */
export async function purgeSentEmail(db: Database, now: number): Promise<number> {
  const old = db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(and(inArray(emailOutbox.status, ['sent', 'suppressed']), lt(emailOutbox.nextAttemptAt, now - config.email.sentRetentionMs)))
    .limit(config.email.purgeBatchSize);
  const purged = await db.delete(emailOutbox).where(inArray(emailOutbox.id, old)).returning({ id: emailOutbox.id });
  return purged.length;
}
