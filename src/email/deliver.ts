import { config } from '../config';
import { utcDayStart } from '../lib/clock';
import type { EmailKind } from '../db/schema';
import type { Bindings } from '../env';
import { EmailSendError, type EmailTransport } from './message';
import { nextRetryDelay } from './retry';
import { transportFor } from './transport';

type OutboxRow = {
  id: string;
  kind: EmailKind;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  headers: string;
  attempts: number;
};

export type DeliveryReport = { sent: number; retrying: number; dead: number; suppressed: number };

type DeliverOptions = {
  /** Only these rows (right after the event that wrote them); otherwise whatever is due. */
  ids?: string[];
  transport?: EmailTransport;
  paceMs?: number;
  random?: () => number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes due outbox rows with one conditional UPDATE … RETURNING (so two sweeps
 * never take the same row), then sends each with its id as Idempotency-Key and
 * records the outcome: sent, retry later with backoff, or dead with the reason.
 * A row whose sender dies mid-send is taken over once its lock lapses; the
 * repeated Idempotency-Key makes Resend drop the duplicate.
 */
export async function deliverOutbox(env: Bindings, now: number, options: DeliverOptions = {}): Promise<DeliveryReport> {
  const d1 = env.DB;
  const transport = options.transport ?? transportFor(env, () => now);
  const pace = options.paceMs ?? (transport.name === 'resend' ? config.email.minMsBetweenSends : 0);
  const only = options.ids?.length ? ` AND id IN (${options.ids.map(() => '?').join(', ')})` : '';
  const { results: rows } = await d1
    .prepare(
      `UPDATE email_outbox SET status = 'sending', attempts = attempts + 1, locked_until = ?
       WHERE id IN (
         SELECT id FROM email_outbox
         WHERE ((status = 'pending' AND next_attempt_at <= ?) OR (status = 'sending' AND locked_until <= ?))${only}
           -- Past the day's sending budget only sign-in email goes out: notifications wait for tomorrow's.
           AND (kind = 'sign_in' OR (SELECT count(*) FROM email_outbox WHERE status = 'sent' AND sent_at >= ?) < ?)
         ORDER BY next_attempt_at LIMIT ?)
       RETURNING id, kind, to_address, subject, text_body, html_body, headers, attempts`,
    )
    .bind(
      now + config.email.sendLockMs,
      now,
      now,
      ...(options.ids ?? []),
      utcDayStart(now),
      config.email.dailySendingBudget,
      config.email.sweepBatchSize,
    )
    .all<OutboxRow>();

  const report: DeliveryReport = { sent: 0, retrying: 0, dead: 0, suppressed: 0 };
  if (rows.length === 0) return report;
  const suppressed = await suppressedAmong(d1, rows.map((r) => r.to_address));

  for (const [i, row] of rows.entries()) {
    if (suppressed.has(row.to_address)) {
      await finish(d1, row.id, `status = 'suppressed', last_error = 'address is on the suppression list'`);
      report.suppressed++;
      continue;
    }
    if (i > 0 && pace > 0) await sleep(pace);
    try {
      const { providerId } = await transport.send(
        { to: row.to_address, subject: row.subject, text: row.text_body, html: row.html_body, headers: JSON.parse(row.headers) },
        row.id,
      );
      await finish(d1, row.id, `status = 'sent', sent_at = ?, provider_id = ?, last_error = NULL`, Date.now(), providerId);
      report.sent++;
    } catch (error) {
      const failure = error instanceof EmailSendError ? error : new EmailSendError(String(error), null);
      const delay = failure.permanent ? null : nextRetryDelay(row.attempts, failure.retryAfterSeconds, options.random);
      const reason = `attempt ${row.attempts}: ${failure.status ?? 'no answer'} ${failure.message}`.slice(0, 500);
      if (delay === null) {
        await finish(d1, row.id, `status = 'dead', last_error = ?`, reason);
        report.dead++;
      } else {
        await finish(d1, row.id, `status = 'pending', next_attempt_at = ?, last_error = ?`, now + delay, reason);
        report.retrying++;
      }
      console.warn(JSON.stringify({ event: 'email_send_failed', id: row.id, kind: row.kind, reason, retryInMs: delay }));
    }
  }
  return report;
}

/** Records an outcome, but only while this sweep still holds the row. */
function finish(d1: D1Database, id: string, set: string, ...values: unknown[]) {
  return d1
    .prepare(`UPDATE email_outbox SET ${set}, locked_until = NULL WHERE id = ? AND status = 'sending'`)
    .bind(...values, id)
    .run();
}

async function suppressedAmong(d1: D1Database, addresses: string[]): Promise<Set<string>> {
  const unique = [...new Set(addresses)];
  const { results } = await d1
    .prepare(`SELECT email FROM suppressions WHERE email IN (${unique.map(() => '?').join(', ')})`)
    .bind(...unique)
    .all<{ email: string }>();
  return new Set(results.map((r) => r.email));
}
