import { sql } from 'drizzle-orm';
import { type AnySQLiteColumn, check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Times are integer milliseconds since the epoch throughout. */

/** How a member hears of reviews of their drafts: an email each, a daily digest, or none. */
export const REVIEW_NOTICES = ['each', 'daily', 'off'] as const;

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
    notifyReviews: text('notify_reviews', { enum: REVIEW_NOTICES }).notNull().default('each'),
    /** My reviews rated helpful or replied to, and replies from my reviewers. */
    notifyActivity: integer('notify_activity', { mode: 'boolean' }).notNull().default(true),
    /** Daily digest of new drafts in my genres (sent only once genres are chosen). */
    notifyNewDrafts: integer('notify_new_drafts', { mode: 'boolean' }).notNull().default(true),
    /** Reminders before a claim expires, and when it has. */
    notifyClaims: integer('notify_claims', { mode: 'boolean' }).notNull().default(true),
    /** Email when a work I reviewed gets its next part, or a draft I reviewed a new version. */
    notifyReturning: integer('notify_returning', { mode: 'boolean' }).notNull().default(true),
    reviewDigestAt: integer('review_digest_at'),
    draftsDigestAt: integer('drafts_digest_at'),
    /** Content notes the member does not want in their queue and digests: a bitmask over config.safety.contentNotes. */
    hiddenContentNotes: integer('hidden_content_notes').notNull().default(0),
    /** Set by a moderator's suspend: no session, no sign-in. */
    suspendedAt: integer('suspended_at'),
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
    /** Members following this one, recounted in every batch that changes a follow, so a profile reads it from one row. */
    followers: integer('followers').notNull().default(0),
    /** New drafts by writers I follow: one email each, a daily digest, or none. */
    notifyFollowing: text('notify_following', { enum: REVIEW_NOTICES }).notNull().default('each'),
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
    /** The 6-digit code of the same email, as an HMAC under SIGN_IN_CODE_SECRET: link and code are one credential. */
    codeHash: text('code_hash'),
    /** Wrong codes typed against this link; at the limit the link and its code are spent. */
    failedCodeAttempts: integer('failed_code_attempts').notNull().default(0),
    /** Set in the same statement that consumes the token, so the rest of the sign-in batch can tell it won. */
    sessionId: text('session_id'),
    usedAt: integer('used_at'),
  },
  (t) => [index('login_tokens_expires_at').on(t.expiresAt), index('login_tokens_email').on(t.email)],
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

export const ACCESS_TOKEN_SCOPES = ['read', 'write'] as const;
export type AccessTokenScope = (typeof ACCESS_TOKEN_SCOPES)[number];

/**
 * Personal access tokens for API clients: stored only as a hash, revoked by
 * deleting the row, so the next request with it is anonymous at once.
 */
export const accessTokens = sqliteTable(
  'access_tokens',
  {
    id: text('id').primaryKey(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    scope: text('scope', { enum: ACCESS_TOKEN_SCOPES }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at'),
  },
  (t) => [
    check('access_tokens_scope', sql`${t.scope} IN ('read', 'write')`),
    index('access_tokens_member').on(t.memberId, t.createdAt),
  ],
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

/** A series of drafts posted as numbered parts (a novel's chapters). */
export const works = sqliteTable(
  'works',
  {
    id: text('id').primaryKey(),
    authorId: text('author_id')
      .notNull()
      .references(() => members.id),
    title: text('title').notNull(),
    genre: text('genre').notNull(),
    synopsis: text('synopsis'),
    /** Content-note slugs (config.safety.contentNotes) as a JSON array. */
    contentNotes: text('content_notes').notNull().default('[]'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('works_author').on(t.authorId, t.createdAt)],
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
    /** A bitmask over config.safety.contentNotes, so the queue's filter is one AND on the row it already reads. */
    contentNotes: integer('content_notes').notNull().default(0),
    /** Set when a moderator removed it: hidden from everyone but moderators. */
    removedAt: integer('removed_at'),
    /** Up to config.drafts.maxQuestions questions every review must answer, as a JSON array of strings. */
    questions: text('questions').notNull().default('[]'),
    workId: text('work_id').references(() => works.id),
    /** 1, 2, … within its work; a revision keeps its part's number. */
    part: integer('part'),
    /** "The story so far", shown above a part's text. */
    previously: text('previously'),
    version: integer('version').notNull().default(1),
    /** The version this one revises; a version is revised at most once (the unique index), so two racing revisions make one. */
    previousVersionId: text('previous_version_id').references((): AnySQLiteColumn => drafts.id),
    /** The first version's id, shared by every version of it (its own id for a first version). */
    originalId: text('original_id'),
    /**
     * The body rendered once, when written: a JSON array of sanitised HTML, one
     * entry per paragraph as splitParagraphs yields them. Null only on a row
     * written before it existed, until the cron's backfill renders it.
     */
    paragraphsHtml: text('paragraphs_html'),
    /** The body's first words as plain text, for the queue; null exactly when paragraphs_html is. */
    excerpt: text('excerpt'),
  },
  (t) => [
    check('drafts_reviews_wanted', sql`${t.reviewsWanted} BETWEEN 1 AND 5`),
    check('drafts_never_over_reviewed', sql`${t.reviewsReceived} BETWEEN 0 AND ${t.reviewsWanted}`),
    check('drafts_status', sql`${t.status} IN ('open', 'closed', 'withdrawn')`),
    check('drafts_price', sql`${t.pricePerReview} > 0`),
    index('drafts_queue').on(t.status, t.fairness, t.createdAt, t.id),
    index('drafts_queue_genre').on(t.status, t.genre, t.fairness, t.createdAt, t.id),
    index('drafts_author').on(t.authorId, t.createdAt),
    // Two parts posted at once cannot take the same number; revisions share their part's number.
    uniqueIndex('drafts_work_part').on(t.workId, t.part, t.version),
    uniqueIndex('drafts_one_revision').on(t.previousVersionId),
    index('drafts_versions').on(t.originalId, t.version),
    // Holds only the rows the backfill has yet to render, so its cron step reads nothing once they are done.
    index('drafts_unrendered').on(t.id).where(sql`${t.paragraphsHtml} IS NULL`),
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
    /** The body rendered once, when written; null (and the answers without html) until the backfill reaches an older row. */
    bodyHtml: text('body_html'),
    wordCount: integer('word_count').notNull(),
    /** Answers to the draft's questions, as a JSON array of {question, body, html}: html is the body rendered when written. */
    answers: text('answers').notNull().default('[]'),
    /** null until the author rates it; then 1 (helpful) or 0, once. */
    helpful: integer('helpful'),
    ratedAt: integer('rated_at'),
    createdAt: integer('created_at').notNull(),
    /** Set when a moderator removed it: its slot reopened and its pay went back to the draft's escrow. */
    removedAt: integer('removed_at'),
  },
  (t) => [
    uniqueIndex('reviews_one_per_reviewer').on(t.draftId, t.reviewerId),
    index('reviews_reviewer').on(t.reviewerId, t.createdAt),
    index('reviews_unrendered').on(t.id).where(sql`${t.bodyHtml} IS NULL`),
  ],
);

export type Review = typeof reviews.$inferSelect;

/**
 * A slot of a newly posted part or version held for one of its returning
 * readers for 24 hours. Live while unused, unreleased and unexpired; the
 * reader's claim uses it, the cron releases it.
 */
export const slotHolds = sqliteTable(
  'slot_holds',
  {
    id: text('id').primaryKey(),
    draftId: text('draft_id')
      .notNull()
      .references(() => drafts.id),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
    releasedAt: integer('released_at'),
  },
  (t) => [
    uniqueIndex('slot_holds_one_per_reader').on(t.draftId, t.memberId),
    index('slot_holds_member').on(t.memberId, t.expiresAt),
    index('slot_holds_open').on(t.usedAt, t.releasedAt, t.expiresAt),
  ],
);

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
    /** The body rendered once, when written; null until the backfill reaches an older row. */
    bodyHtml: text('body_html'),
    position: integer('position').notNull(),
  },
  (t) => [
    check('inline_paragraph', sql`${t.paragraph} >= 0`),
    index('inline_review').on(t.reviewId, t.position),
    index('inline_comments_unrendered').on(t.id).where(sql`${t.bodyHtml} IS NULL`),
  ],
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
    /** The body rendered once, when written; null until the backfill reaches an older row. */
    bodyHtml: text('body_html'),
    createdAt: integer('created_at').notNull(),
    removedAt: integer('removed_at'),
  },
  (t) => [index('replies_review').on(t.reviewId, t.createdAt), index('replies_unrendered').on(t.id).where(sql`${t.bodyHtml} IS NULL`)],
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
  'report_handled',
  'moderation_notice',
  'returning_readers',
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

/** A member's WebAuthn credentials: sign-in with no email. */
export const passkeys = sqliteTable(
  'passkeys',
  {
    id: text('id').primaryKey(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    /** The authenticator's credential id, base64url. */
    credentialId: text('credential_id').notNull().unique(),
    /** COSE public key, base64url. */
    publicKey: text('public_key').notNull(),
    /** Signature counter: an assertion must move it forward (unless the authenticator keeps none, at 0). */
    counter: integer('counter').notNull().default(0),
    /** JSON array of transports the browser reported, handed back as hints. */
    transports: text('transports').notNull().default('[]'),
    name: text('name').notNull(),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at'),
  },
  (t) => [index('passkeys_member').on(t.memberId, t.createdAt), check('passkeys_counter', sql`${t.counter} >= 0`)],
);

export const PASSKEY_CEREMONIES = ['registration', 'authentication'] as const;

/** WebAuthn challenges we issued: each is used once, within its life. */
export const passkeyChallenges = sqliteTable(
  'passkey_challenges',
  {
    challenge: text('challenge').primaryKey(),
    ceremony: text('ceremony', { enum: PASSKEY_CEREMONIES }).notNull(),
    /** The member adding a passkey; null for sign-in, where nobody is known yet. */
    memberId: text('member_id').references(() => members.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
    /** Stamped by the statement that uses the challenge, so the rest of its batch can tell it won. */
    usedBy: text('used_by'),
  },
  (t) => [
    index('passkey_challenges_expires_at').on(t.expiresAt),
    check('passkey_challenges_ceremony', sql`${t.ceremony} IN ('registration', 'authentication')`),
  ],
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
 * Sign-in emails per address and per client address per UTC day. Keys are
 * hashes (no address or IP at rest); the CHECK aborts the batch that would
 * queue one email too many, so the cap holds under any race.
 */
export const signInCounts = sqliteTable(
  'sign_in_counts',
  {
    keyHash: text('key_hash').notNull(),
    day: integer('day').notNull(),
    count: integer('count').notNull(),
    cap: integer('cap').notNull(),
  },
  (t) => [primaryKey({ columns: [t.keyHash, t.day] }), check('sign_in_counts_cap', sql`${t.count} <= ${t.cap}`)],
);

export const REPORT_SUBJECTS = ['draft', 'review', 'reply', 'member'] as const;
export type ReportSubject = (typeof REPORT_SUBJECTS)[number];
export const REPORT_REASONS = ['spam', 'low-effort', 'harassment', 'plagiarism', 'other'] as const;
export const MODERATION_ACTIONS = ['dismiss', 'remove', 'suspend'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** A member's report of something they can see; one per member per subject. */
export const reports = sqliteTable(
  'reports',
  {
    id: text('id').primaryKey(),
    reporterId: text('reporter_id')
      .notNull()
      .references(() => members.id),
    subjectType: text('subject_type', { enum: REPORT_SUBJECTS }).notNull(),
    subjectId: text('subject_id').notNull(),
    /** Whose content it is (the member themself for a member report): the one a remove or suspend acts on. */
    subjectMemberId: text('subject_member_id')
      .notNull()
      .references(() => members.id),
    reason: text('reason', { enum: REPORT_REASONS }).notNull(),
    details: text('details'),
    status: text('status', { enum: ['open', 'resolved'] }).notNull().default('open'),
    /** The moderation action that resolved it: every statement of that resolve acts only while this is its id. */
    actionId: text('action_id'),
    createdAt: integer('created_at').notNull(),
    resolvedAt: integer('resolved_at'),
  },
  (t) => [
    check('reports_subject_type', sql`${t.subjectType} IN ('draft', 'review', 'reply', 'member')`),
    check('reports_reason', sql`${t.reason} IN ('spam', 'low-effort', 'harassment', 'plagiarism', 'other')`),
    check('reports_status', sql`${t.status} IN ('open', 'resolved')`),
    uniqueIndex('reports_one_per_reporter').on(t.reporterId, t.subjectType, t.subjectId),
    index('reports_reporter_recent').on(t.reporterId, t.createdAt),
    index('reports_subject').on(t.subjectType, t.subjectId, t.status),
    index('reports_open').on(t.status, t.createdAt, t.id),
    index('reports_resolved').on(t.status, t.resolvedAt, t.id),
  ],
);

/** Append-only (triggers in the migration): every moderator decision, as it was taken. */
export const moderationActions = sqliteTable(
  'moderation_actions',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    reportId: text('report_id')
      .notNull()
      .references(() => reports.id),
    moderatorId: text('moderator_id')
      .notNull()
      .references(() => members.id),
    action: text('action', { enum: MODERATION_ACTIONS }).notNull(),
    subjectType: text('subject_type', { enum: REPORT_SUBJECTS }).notNull(),
    subjectId: text('subject_id').notNull(),
    /** The member acted on. */
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    note: text('note').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    check('moderation_actions_action', sql`${t.action} IN ('dismiss', 'remove', 'suspend')`),
    index('moderation_actions_member').on(t.memberId, t.seq),
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
