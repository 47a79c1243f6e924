import { asc } from 'drizzle-orm';
import type { Database } from '../db/client';
import { devMailbox } from '../db/schema';
import type { EmailTransport } from './message';

/** The local stand-in for Resend: stores each email for /dev/mailbox. */
export function devMailboxTransport(db: Database, now: () => number): EmailTransport {
  return {
    name: 'dev-mailbox',
    async send(message, idempotencyKey) {
      await db
        .insert(devMailbox)
        .values({
          id: idempotencyKey,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers: JSON.stringify(message.headers ?? {}),
          createdAt: now(),
        })
        // Same key, same email: a retried send stores it once, as Resend would send it once.
        .onConflictDoNothing({ target: devMailbox.id });
      return { providerId: `dev:${idempotencyKey}` };
    },
  };
}

/** Every stored email, oldest first (newest last). */
export async function listDevMailbox(db: Database) {
  const rows = await db.select().from(devMailbox).orderBy(asc(devMailbox.seq));
  return rows.map(({ id, to, subject, text, html, headers, createdAt }) => ({
    id,
    to,
    subject,
    text,
    html,
    headers: JSON.parse(headers) as Record<string, string>,
    createdAt: new Date(createdAt).toISOString(),
  }));
}
