import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Times are integer milliseconds since the epoch throughout. */

export const members = sqliteTable(
  'members',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [check('members_email_lower', sql`${t.email} = lower(${t.email})`)],
);

export type Member = typeof members.$inferSelect;

export const loginTokens = sqliteTable(
  'login_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    email: text('email').notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    /** Set in the same statement that consumes the token, so the rest of the sign-in batch can tell it won. */
    sessionId: text('session_id'),
    usedAt: integer('used_at'),
  },
  (t) => [index('login_tokens_expires_at').on(t.expiresAt)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('sessions_member_id').on(t.memberId)],
);

/** Where email goes when no Resend key is configured: shown at /dev/mailbox. */
export const devMailbox = sqliteTable('dev_mailbox', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  id: text('id').notNull().unique(),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  html: text('html').notNull(),
  headers: text('headers').notNull().default('{}'),
  createdAt: integer('created_at').notNull(),
});
