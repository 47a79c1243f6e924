/**
 * Every product number of Volley lives here (DESIGN.md, "The credit economy"
 * and "Accounts and access"), so changing a rule changes one line.
 */
export const config = {
  auth: {
    /** A sign-in link works once, for this long. */
    linkTokenLifetimeMs: 10 * 60 * 1000,
    /** Bytes of randomness in link and session tokens (≥128 bits). */
    tokenBytes: 32,
    sessionLifetimeMs: 30 * 24 * 60 * 60 * 1000,
    /** A session's expiry is pushed forward at most this often, so reads do not all write. */
    sessionRenewAfterMs: 24 * 60 * 60 * 1000,
    defaultNamePrefix: 'Writer',
  },
  rateLimits: {
    /** All three windows are 60 s (the limits themselves live in wrangler.toml). */
    windowSeconds: 60,
    magicLinkPerAddress: 5,
    magicLinkPerIp: 30,
    writesPerMember: 60,
  },
  http: {
    /** Largest accepted request body; a 10,000-word draft is well under 100 KB. */
    maxBodyBytes: 256 * 1024,
  },
  member: {
    nameMaxLength: 60,
    bioMaxLength: 500,
  },
  relationships: {
    /** An invitation holds its slot for the invitee this long; the cron then frees it. */
    invitationLifetimeMs: 48 * 60 * 60 * 1000,
    /** A profile lists at most this many of the member's open drafts. */
    profileOpenDrafts: 10,
    /** Open drafts shown under each member in "return the favour". */
    favourDraftsEach: 3,
  },
  credits: {
    /** Once per member, at first sign-in. */
    welcomeGrant: 3,
    /** Bonus minted for the reviewer when the author rates a review helpful. */
    helpfulBonus: 1,
  },
  drafts: {
    titleMaxLength: 200,
    noteMaxLength: 1000,
    minWords: 1,
    maxWords: 10_000,
    minReviewsWanted: 1,
    maxReviewsWanted: 5,
    /** Price per review wanted by length: the first band whose maxWords holds the draft. */
    priceBands: [
      { maxWords: 3_000, price: 1 },
      { maxWords: 6_000, price: 2 },
      { maxWords: 10_000, price: 3 },
    ],
    genres: [
      'fiction',
      'fantasy',
      'science-fiction',
      'mystery',
      'romance',
      'horror',
      'literary',
      'young-adult',
      'poetry',
      'essay',
      'memoir',
      'nonfiction',
      'screenplay',
      'other',
    ],
  },
  reviews: {
    /** Overall comment plus inline comments together. */
    minWords: 150,
    maxInlineComments: 200,
    quoteMaxLength: 500,
    /** Inline comments the author's "review received" email quotes; the rest wait on the draft's page. */
    inlineCommentsEmailed: 10,
    replyMaxLength: 10_000,
  },
  claims: {
    lifetimeMs: 48 * 60 * 60 * 1000,
    maxActivePerReviewer: 3,
  },
  email: {
    /** Waits after failed attempt 1, 2, … 7 (DESIGN.md); the 8th failure is final. */
    retryDelaysMs: [30_000, 60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000, 3 * 60 * 60_000, 8 * 60 * 60_000],
    maxAttempts: 8,
    jitter: 0.2,
    /**
     * A row being sent is locked this long; a sweep that dies mid-send frees it after. Longer than the longest
     * sweep (every row of a batch paced and timing out, and the time budget below), so no live sweep loses its rows.
     */
    sendLockMs: 15 * 60_000,
    /** Resend's default limit is 2 requests/s; stay under it. */
    minMsBetweenSends: 550,
    sendTimeoutMs: 10_000,
    /** Rows one sweep takes; at the pace above, well within a Worker's wall-clock budget. */
    sweepBatchSize: 50,
    /** A sweep starts no send after this long; the rows it has not tried go back to the outbox untouched. */
    sweepBudgetMs: 5 * 60_000,
    /** Sent email is deleted this long after it went out; dead and pending email stays for the operator. */
    sentRetentionMs: 30 * 24 * 60 * 60 * 1000,
    /** Rows one cron run purges at most. */
    purgeBatchSize: 500,
    claimReminderBeforeMs: 12 * 60 * 60 * 1000,
    digestEveryMs: 24 * 60 * 60 * 1000,
    excerptLength: 280,
    /** Each review's excerpt in the daily digest. */
    digestExcerptLength: 160,
    /** New drafts listed in one daily digest of a member's genres. */
    draftsPerDigest: 10,
    /** Claim notices, and digests of each kind, one cron run writes; the rest wait a minute for the next run. */
    cronEmailsPerRun: 50,
  },
  idempotency: {
    /** An Idempotency-Key's first answer is replayed this long, far longer than any client retries. */
    keyLifetimeMs: 24 * 60 * 60 * 1000,
    /** A key reserved this long without an answer (its request died) is taken over by a retry. */
    abandonedAfterMs: 60_000,
  },
  pagination: {
    pageSize: 20,
  },
} as const;

export type Genre = (typeof config.drafts.genres)[number];

/** What one review of a draft of this length costs its author (and pays its reviewer). */
export function pricePerReview(wordCount: number): number {
  const band = config.drafts.priceBands.find((b) => wordCount <= b.maxWords);
  return (band ?? config.drafts.priceBands[config.drafts.priceBands.length - 1]!).price;
}
