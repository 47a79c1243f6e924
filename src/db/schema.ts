import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Times are integer milliseconds since the epoch throughout. */

export const members = sqliteTable(
  'members',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    createdAt: integer('created_at').notNull(),
    /** Genre slugs the member follows, as a JSON array: the new-drafts digest and queue filter use them. */
    genres: text('genres').notNull().default('[]'),
    /** Reviews of my drafts: one email each, a daily digest, or none. */
    notifyReviews: text('notify_reviews', { enum: ['each', 'daily', 'off'] }).notNull().default('each'),
    /** My reviews rated helpful or replied to, and replies from my reviewers. */
    notifyActivity: integer('notify_activity', { mode: 'boolean' }).notNull().default(true),
    /** Daily digest of new drafts in my genres (sent only once genres are chosen). */
    notifyNewDrafts: integer('notify_new_drafts', { mode: 'boolean' }).notNull().default(true),
    /** Reminders before a claim expires, and when it has. */
    notifyClaims: integer('notify_claims', { mode: 'boolean' }).notNull().default(true),
    reviewDigestAt: integer('review_digest_at'),
    draftsDigestAt: integer('drafts_digest_at'),
    /** Plain text the member writes about themselves, shown on their profile. */
    bio: text('bio').notNull().default(''),
    /**
     * Profile counters, each kept in the same batch as the event that changes it
     * (review submitted, rated helpful, draft posted), so a profile reads one row
     * however much the member has done.
     */
    reviewsGiven: integer('reviews_given').notNull().default(0),
    helpfulReviews: integer('helpful_reviews').notNull().default(0),
    reviewsReceived: integer('reviews_received').notNull().default(0),
    draftsPosted: integer('drafts_posted').notNull().default(0),
    /** Members following this one, recounted in every batch that changes a follow: posting skips the followers read at 0. */
    followers: integer('followers').notNull().default(0),
    /** New drafts by writers I follow: one email each, a daily digest, or none. */
    notifyFollowing: text('notify_following', { enum: ['each', 'daily', 'off'] }).notNull().default('each'),
    followingDigestAt: integer('following_digest_at'),
  },
  (t) => [
    check('members_email_lower', sql`${t.email} = lower(${t.email})`),
    check('members_notify_reviews', sql`${t.notifyReviews} IN ('each', 'daily', 'off')`),
  ],
);

export type Member = typeof members.$inferSelect;

/** A member as a request sees them: with their balance, read with the session. */
export type SignedInMember = Member & { credits: number };

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

/**
 * Double-entry ledger. An account belongs to a member (id = member id), a
 * draft's escrow (id = draft id), or is the mint (id 'mint'), whose balance
 * goes negative by exactly what it has issued, so all balances sum to zero.
 */
export const accounts = sqliteTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['member', 'escrow', 'mint'] }).notNull(),
    balance: integer('balance').notNull().default(0),
  },
  (t) => [
    check('accounts_kind', sql`${t.kind} IN ('member', 'escrow', 'mint')`),
    // D1 has no BEGIN: this CHECK aborts the whole batch when two spends race past a balance.
    check('accounts_no_overdraft', sql`${t.kind} = 'mint' OR ${t.balance} >= 0`),
  ],
);

export const TRANSFER_REASONS = ['welcome', 'post_draft', 'review_paid', 'helpful_bonus', 'refund', 'adjustment'] as const;
export type TransferReason = (typeof TRANSFER_REASONS)[number];

/**
 * Append-only. Inserting a row moves the money (trigger `transfers_apply` in
 * the migrations) and records both balances after it, so balances can never
 * drift from the sum of the entries.
 */
export const transfers = sqliteTable(
  'transfers',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    fromAccount: text('from_account')
      .notNull()
      .references(() => accounts.id),
    toAccount: text('to_account')
      .notNull()
      .references(() => accounts.id),
    amount: integer('amount').notNull(),
    reason: text('reason', { enum: TRANSFER_REASONS }).notNull(),
    /** e.g. `review_paid:<reviewId>`: a replayed request can never pay twice. */
    reasonKey: text('reason_key').notNull().unique(),
    draftId: text('draft_id'),
    reviewId: text('review_id'),
    claimId: text('claim_id'),
    fromBalanceAfter: integer('from_balance_after'),
    toBalanceAfter: integer('to_balance_after'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    check('transfers_positive', sql`${t.amount} > 0`),
    check('transfers_two_sides', sql`${t.fromAccount} <> ${t.toAccount}`),
    check(
      'transfers_reason',
      sql`${t.reason} IN ('welcome', 'post_draft', 'review_paid', 'helpful_bonus', 'refund', 'adjustment')`,
    ),
    index('transfers_from_seq').on(t.fromAccount, t.seq),
    index('transfers_to_seq').on(t.toAccount, t.seq),
  ],
);

export const DRAFT_STATUSES = ['open', 'closed', 'withdrawn'] as const;

export const drafts = sqliteTable(
  'drafts',
  {
    id: text('id').primaryKey(),
    authorId: text('author_id')
      .notNull()
      .references(() => members.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    genre: text('genre').notNull(),
    note: text('note'),
    wordCount: integer('word_count').notNull(),
    pricePerReview: integer('price_per_review').notNull(),
    reviewsWanted: integer('reviews_wanted').notNull(),
    reviewsReceived: integer('reviews_received').notNull().default(0),
    /** reviews_received / reviews_wanted in sixtieths (60 = lcm of 1..5): the queue's fairness key, indexable. */
    fairness: integer('fairness').generatedAlwaysAs(sql`reviews_received * 60 / reviews_wanted`, { mode: 'stored' }),
    status: text('status', { enum: DRAFT_STATUSES }).notNull().default('open'),
    createdAt: integer('created_at').notNull(),
    endedAt: integer('ended_at'),
  },
  (t) => [
    check('drafts_reviews_wanted', sql`${t.reviewsWanted} BETWEEN 1 AND 5`),
    check('drafts_never_over_reviewed', sql`${t.reviewsReceived} BETWEEN 0 AND ${t.reviewsWanted}`),
    check('drafts_status', sql`${t.status} IN ('open', 'closed', 'withdrawn')`),
    check('drafts_price', sql`${t.pricePerReview} > 0`),
    index('drafts_queue').on(t.status, t.fairness, t.createdAt, t.id),
    index('drafts_queue_genre').on(t.status, t.genre, t.fairness, t.createdAt, t.id),
    index('drafts_author').on(t.authorId, t.createdAt),
  ],
);

export type Draft = typeof drafts.$inferSelect;

export const CLAIM_STATUSES = ['active', 'released', 'used', 'expired'] as const;

/** A reserved review slot. An 'active' claim past expires_at is free already; the cron marks it expired. */
export const claims = sqliteTable(
  'claims',
  {
    id: text('id').primaryKey(),
    draftId: text('draft_id')
      .notNull()
      .references(() => drafts.id),
    reviewerId: text('reviewer_id')
      .notNull()
      .references(() => members.id),
    status: text('status', { enum: CLAIM_STATUSES }).notNull().default('active'),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    endedAt: integer('ended_at'),
  },
  (t) => [
    check('claims_status', sql`${t.status} IN ('active', 'released', 'used', 'expired')`),
    uniqueIndex('claims_one_active_per_reviewer').on(t.draftId, t.reviewerId).where(sql`${t.status} = 'active'`),
    index('claims_draft_active').on(t.draftId, t.status, t.expiresAt),
    index('claims_reviewer_active').on(t.reviewerId, t.status, t.expiresAt),
    index('claims_expiry').on(t.status, t.expiresAt),
  ],
);

export const reviews = sqliteTable(
  'reviews',
  {
    id: text('id').primaryKey(),
    draftId: text('draft_id')
      .notNull()
      .references(() => drafts.id),
    reviewerId: text('reviewer_id')
      .notNull()
      .references(() => members.id),
    body: text('body').notNull(),
    wordCount: integer('word_count').notNull(),
    /** null until the author rates it; then 1 (helpful) or 0, once. */
    helpful: integer('helpful'),
    ratedAt: integer('rated_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('reviews_one_per_reviewer').on(t.draftId, t.reviewerId),
    index('reviews_reviewer').on(t.reviewerId, t.createdAt),
  ],
);

export type Review = typeof reviews.$inferSelect;

export const inlineComments = sqliteTable(
  'inline_comments',
  {
    id: text('id').primaryKey(),
    reviewId: text('review_id')
      .notNull()
      .references(() => reviews.id),
    paragraph: integer('paragraph').notNull(),
    quote: text('quote').notNull(),
    body: text('body').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [check('inline_paragraph', sql`${t.paragraph} >= 0`), index('inline_review').on(t.reviewId, t.position)],
);

export const replies = sqliteTable(
  'replies',
  {
    id: text('id').primaryKey(),
    reviewId: text('review_id')
      .notNull()
      .references(() => reviews.id),
    authorId: text('author_id')
      .notNull()
      .references(() => members.id),
    body: text('body').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('replies_review').on(t.reviewId, t.createdAt)],
);

/** The first answer to a write sent with an Idempotency-Key, replayed for the same key. */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    memberId: text('member_id').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    /** null while the first request is still running. */
    status: integer('status'),
    responseBody: text('response_body'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.key] }), index('idempotency_keys_created_at').on(t.createdAt)],
);

export const EMAIL_KINDS = [
  'sign_in',
  'review_received',
  'reviews_digest',
  'review_rated',
  'reply_received',
  'drafts_digest',
  'claim_expiring',
  'claim_expired',
  'draft_complete',
  'following_draft',
  'following_digest',
  'invitation',
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/**
 * Transactional outbox: every email is a row written in the same batch as the
 * event that causes it, then delivered (and retried) from here. The row id is
 * the Idempotency-Key sent to Resend, so a retry never sends twice.
 */
export const emailOutbox = sqliteTable(
  'email_outbox',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: EMAIL_KINDS }).notNull(),
    memberId: text('member_id'),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    headers: text('headers').notNull().default('{}'),
    /** Makes an event's email unique (e.g. `claim_expiring:<claimId>`), so a sweep that runs twice writes it once. */
    dedupeKey: text('dedupe_key').unique(),
    status: text('status', { enum: ['pending', 'sending', 'sent', 'dead', 'suppressed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    /** While 'sending': another sweep may take the row over only after this time. */
    lockedUntil: integer('locked_until'),
    /** Random per take: a sweep records its outcome only while the row still carries its token. */
    attemptToken: text('attempt_token'),
    lastError: text('last_error'),
    providerId: text('provider_id'),
    createdAt: integer('created_at').notNull(),
    sentAt: integer('sent_at'),
  },
  (t) => [
    check('email_outbox_status', sql`${t.status} IN ('pending', 'sending', 'sent', 'dead', 'suppressed')`),
    index('email_outbox_due').on(t.status, t.nextAttemptAt),
    index('email_outbox_provider').on(t.providerId),
  ],
);

/** Addresses that bounced or complained: they get no more email, sign-in links included. */
export const suppressions = sqliteTable('suppressions', {
  email: text('email').primaryKey(),
  reason: text('reason', { enum: ['bounced', 'complained'] }).notNull(),
  createdAt: integer('created_at').notNull(),
});

/** Resend webhook deliveries seen, by svix-id: a replayed delivery is refused. */
export const webhookEvents = sqliteTable(
  'webhook_events',
  {
    svixId: text('svix_id').primaryKey(),
    type: text('type').notNull(),
    outboxId: text('outbox_id'),
    receivedAt: integer('received_at').notNull(),
  },
  (t) => [index('webhook_events_outbox').on(t.outboxId)],
);

/** Who follows whom: a followed writer's new drafts are emailed to their followers and marked in their queue. */
export const follows = sqliteTable(
  'follows',
  {
    followerId: text('follower_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    followedId: text('followed_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.followerId, t.followedId] }),
    check('follows_not_self', sql`${t.followerId} <> ${t.followedId}`),
    index('follows_followed').on(t.followedId, t.followerId),
  ],
);

/** A block works both ways (relationships/blocked-between.ts): the pair never meet in the exchange. */
export const blocks = sqliteTable(
  'blocks',
  {
    blockerId: text('blocker_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    blockedId: text('blocked_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.blockerId, t.blockedId] }),
    check('blocks_not_self', sql`${t.blockerId} <> ${t.blockedId}`),
    index('blocks_blocked').on(t.blockedId, t.blockerId),
  ],
);

export const INVITATION_STATUSES = ['pending', 'accepted', 'declined', 'expired', 'cancelled'] as const;

/** An author asks one member to review a draft: while pending and unexpired, one slot is held for them. */
export const invitations = sqliteTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    draftId: text('draft_id')
      .notNull()
      .references(() => drafts.id),
    inviterId: text('inviter_id')
      .notNull()
      .references(() => members.id),
    inviteeId: text('invitee_id')
      .notNull()
      .references(() => members.id),
    status: text('status', { enum: INVITATION_STATUSES }).notNull().default('pending'),
    /** The claim accepting made (or the invitee's own claim that used the hold). */
    claimId: text('claim_id'),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    endedAt: integer('ended_at'),
  },
  (t) => [
    check('invitations_status', sql`${t.status} IN ('pending', 'accepted', 'declined', 'expired', 'cancelled')`),
    check('invitations_not_self', sql`${t.inviterId} <> ${t.inviteeId}`),
    uniqueIndex('invitations_one_pending').on(t.draftId, t.inviteeId).where(sql`${t.status} = 'pending'`),
    index('invitations_draft').on(t.draftId, t.status, t.expiresAt),
    index('invitations_invitee').on(t.inviteeId, t.status, t.expiresAt),
    index('invitations_inviter').on(t.inviterId, t.createdAt),
    index('invitations_expiry').on(t.status, t.expiresAt),
  ],
);

/**
 * How many reviews each member gave each author, kept in the review's batch:
 * "return the favour" reads the most generous first through an index, however
 * many drafts and reviews exist.
 */
export const reviewTallies = sqliteTable(
  'review_tallies',
  {
    authorId: text('author_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    reviewerId: text('reviewer_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    reviews: integer('reviews').notNull().default(0),
    lastAt: integer('last_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.authorId, t.reviewerId] }), index('review_tallies_generous').on(t.authorId, t.reviews, t.lastAt)],
);
