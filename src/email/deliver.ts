import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { config } from '../config';
import { database } from '../db/client';
import { emailOutbox, suppressions } from '../db/schema';
import { utcDayStart } from '../lib/clock';
import type { Bindings } from '../env';
import { newId } from '../lib/ids';
import { fillLinks } from './links';
import { EmailSendError, type EmailTransport } from './message';
import { nextRetryDelay } from './retry';
import { emailSetup } from './setup';
import { transportFor } from './transport';
import { groupOf, isTransactional, TRANSACTIONAL_KINDS, unsubscribeUrl } from './unsubscribe';

type OutboxRow = typeof emailOutbox.$inferSelect;

export type DeliveryReport = { sent: number; retrying: number; dead: number; suppressed: number };

type DeliverOptions = {
  /** Only these rows (right after the event that wrote them); otherwise whatever is due. */
  ids?: string[];
  /** The request that wrote them, if any: the dev mailbox stays off under a public https one. */
  requestUrl?: string;
  transport?: EmailTransport;
  paceMs?: number;
  random?: () => number;
  /** Milliseconds since the sweep began (a stand-in lets tests move it). */
  elapsed?: () => number;
};

/** What a sign-in row keeps once it is settled: its link could sign someone in for 10 minutes. */
const SIGN_IN_REDACTED = '[sign-in email: removed once sent]';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes due outbox rows with one conditional UPDATE … RETURNING (so two sweeps
 * never take the same row), each take stamped with a fresh attempt token; then
 * sends each with its id as Idempotency-Key and records the outcome (sent,
 * retry later with backoff, or dead with the reason) only while the row still
 * carries this sweep's token. A row whose sender dies mid-send is taken over
 * once its lock lapses (the lock outlasts any live sweep); the repeated
 * Idempotency-Key makes Resend drop the duplicate. Email waits, untaken, while
 * the settings it needs are missing (emailSetup).
 */
export async function deliverOutbox(env: Bindings, now: number, options: DeliverOptions = {}): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, dead: 0, suppressed: 0 };
  const setup = emailSetup(env, options.requestUrl);
  const transport = options.transport ?? transportFor(env, setup, () => now);
  const { origin, unsubscribeSecret } = setup;
  if (!transport || !origin) return report;

  // Real time, not the injected clock: the budget is about the Worker's own wall-clock limit.
  const startedAt = Date.now();
  const elapsed = options.elapsed ?? (() => Date.now() - startedAt);
  const pace = options.paceMs ?? (transport.name === 'resend' ? config.email.minMsBetweenSends : 0);
  const db = database(env.DB);
  const token = newId();
  const due = and(
    or(
      and(eq(emailOutbox.status, 'pending'), lte(emailOutbox.nextAttemptAt, now)),
      and(eq(emailOutbox.status, 'sending'), lte(emailOutbox.lockedUntil, now)),
    ),
    options.ids?.length ? inArray(emailOutbox.id, options.ids) : undefined,
    // Notifications carry an unsubscribe link, so without the secret they wait; transactional email never does.
    unsubscribeSecret ? undefined : inArray(emailOutbox.kind, [...TRANSACTIONAL_KINDS]),
    // Past the day's sending budget only sign-in email goes out: notifications wait for tomorrow's.
    or(
      eq(emailOutbox.kind, 'sign_in'),
      sql`(SELECT count(*) FROM email_outbox WHERE status = 'sent' AND sent_at >= ${utcDayStart(now)}) < ${config.email.dailySendingBudget}`,
    ),
  );
  const rows = await db
    .update(emailOutbox)
    .set({ status: 'sending', attempts: sql`${emailOutbox.attempts} + 1`, lockedUntil: now + config.email.sendLockMs, attemptToken: token })
    .where(
      inArray(
        emailOutbox.id,
        db.select({ id: emailOutbox.id }).from(emailOutbox).where(due).orderBy(asc(emailOutbox.nextAttemptAt)).limit(config.email.sweepBatchSize),
      ),
    )
    .returning();
  if (rows.length === 0) return report;

  /** Records an outcome, but only while this take still holds the row. */
  const finish = (row: OutboxRow, outcome: Partial<OutboxRow>) =>
    db
      .update(emailOutbox)
      .set({ ...outcome, lockedUntil: null, attemptToken: null })
      .where(and(eq(emailOutbox.id, row.id), eq(emailOutbox.attemptToken, token)));
  // A settled row's next_attempt_at is when it settled: the retention purge walks the (status, next_attempt_at) index.
  const settled = (row: OutboxRow) => ({
    nextAttemptAt: now,
    ...(row.kind === 'sign_in' ? { textBody: SIGN_IN_REDACTED, htmlBody: SIGN_IN_REDACTED } : {}),
  });

  const addresses = [...new Set(rows.map((r) => r.toAddress))];
  const suppressed = new Set(
    (await db.select({ email: suppressions.email }).from(suppressions).where(inArray(suppressions.email, addresses))).map((r) => r.email),
  );

  for (const [i, row] of rows.entries()) {
    if (elapsed() >= config.email.sweepBudgetMs) {
      // Out of time: the rows not yet tried go back as they were, for the next sweep.
      const untried = rows.slice(i).map((r) => r.id);
      await db
        .update(emailOutbox)
        .set({ status: 'pending', attempts: sql`${emailOutbox.attempts} - 1`, lockedUntil: null, attemptToken: null })
        .where(and(inArray(emailOutbox.id, untried), eq(emailOutbox.attemptToken, token)));
      break;
    }
    if (suppressed.has(row.toAddress)) {
      await finish(row, { status: 'suppressed', lastError: 'address is on the suppression list', ...settled(row) });
      report.suppressed++;
      continue;
    }
    if (i > 0 && pace > 0) await sleep(pace);
    try {
      const unsubscribe =
        isTransactional(row.kind) || !row.memberId || !unsubscribeSecret ? null : await unsubscribeUrl(origin, unsubscribeSecret, row.memberId, groupOf[row.kind]);
      const message = fillLinks(
        { to: row.toAddress, subject: row.subject, text: row.textBody, html: row.htmlBody, headers: JSON.parse(row.headers) },
        origin,
        unsubscribe,
      );
      const { providerId } = await transport.send(message, row.id);
      await finish(row, { status: 'sent', sentAt: now, providerId, lastError: null, ...settled(row) });
      report.sent++;
    } catch (error) {
      const failure = error instanceof EmailSendError ? error : new EmailSendError(String(error), null);
      const delay = failure.permanent ? null : nextRetryDelay(row.attempts, failure.retryAfterSeconds, options.random);
      const reason = `attempt ${row.attempts}: ${failure.status ?? 'no answer'} ${failure.message}`.slice(0, 500);
      if (delay === null) {
        await finish(row, { status: 'dead', lastError: reason, ...settled(row) });
        report.dead++;
      } else {
        await finish(row, { status: 'pending', nextAttemptAt: now + delay, lastError: reason });
        report.retrying++;
      }
      console.warn(JSON.stringify({ event: 'email_send_failed', id: row.id, kind: row.kind, reason, retryInMs: delay }));
    }
  }
  return report;
}
