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
    /** Digits of the sign-in code sent with the link (valid as long as the link). */
    codeDigits: 6,
    /** Wrong codes against one link before the link and its code are spent. */
    maxCodeAttempts: 5,
    /** Sign-in emails one address may be sent, and one client address may ask for, per UTC day. */
    dailyLinksPerAddress: 20,
    dailyLinksPerIp: 200,
    /** A WebAuthn challenge works once, within this time. */
    passkeyChallengeLifetimeMs: 5 * 60 * 1000,
    /** Passkeys one member may register (each is a row and a line in Settings). */
    maxPasskeysPerMember: 20,
    /** Where Turnstile tokens are checked when TURNSTILE_SECRET is set (TURNSTILE_VERIFY_URL overrides it). */
    turnstileVerifyUrl: 'https://challenges.cloudflare.com/turnstile/v0/siteverify',
  },
  accessTokens: {
    /** Marks a personal access token (never a session token, which is plain base32), so leaks are easy to spot. */
    prefix: 'volley_pat_',
    /** Bytes of randomness in a token (160 bits). */
    bytes: 20,
    nameMaxLength: 100,
    maxPerMember: 20,
    /** lastUsedAt is written at most this often per token, so reads do not all write. */
    lastUsedResolutionMs: 60_000,
  },
  rateLimits: {
    /**
     * What the rate-limit bindings in wrangler.toml enforce. The binding reads
     * wrangler.toml, not this file, and the Worker cannot read wrangler.toml, so
     * the numbers are stated twice and test/config.test.ts holds them equal.
     */
    windowSeconds: 60,
    magicLinkPerAddress: 5,
    magicLinkPerIp: 30,
    writesPerMember: 60,
    /** Sign-in codes typed and passkey ceremonies started, per IP a minute (SIGN_IN_ATTEMPT_LIMITER). */
    signInAttemptsPerIp: 20,
    /** A burst guard on reports per member a minute (REPORT_LIMITER); the hourly cap is config.safety.reportsPerWindow. */
    reportBurstPerMember: 10,
  },
  d1: {
    /** Keeps the D1 bookmark after a member's last write, so their next request reads at least that fresh. */
    bookmarkCookie: 'volley_d1',
    bookmarkCookieLifetimeMs: 24 * 60 * 60 * 1000,
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
    /** Questions of the author's that every review must answer. */
    maxQuestions: 3,
    questionMaxLength: 300,
    /** Characters of plain text the queue shows of each draft. */
    excerptLength: 240,
  },
  works: {
    synopsisMaxLength: 2_000,
    /** "The story so far" above a part. */
    previouslyMaxLength: 2_000,
    /** A new part's or version's slots stay held this long for its returning readers. */
    holdLifetimeMs: 24 * 60 * 60 * 1000,
  },
  reviews: {
    /** Overall comment plus inline comments together. */
    minWords: 150,
    maxInlineComments: 200,
    quoteMaxLength: 500,
    /** Inline comments the author's "review received" email quotes; the rest wait on the draft's page. */
    inlineCommentsEmailed: 10,
    replyMaxLength: 10_000,
    /** Each answer to an author's question. */
    minAnswerWords: 10,
    /** A run of this many words or more copied from the draft does not count as the reviewer's own. */
    copiedRunWords: 8,
    /** Fewer distinct own words than this and a review is refused as low effort. */
    minDistinctWords: 75,
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
    /** Emails sent per UTC day beyond which only sign-in email goes out, so notifications cannot spend sign-in's quota. */
    dailySendingBudget: 2_500,
  },
  idempotency: {
    maxKeyLength: 255,
    /** An Idempotency-Key's first answer is replayed this long, far longer than any client retries. */
    keyLifetimeMs: 24 * 60 * 60 * 1000,
    /** A key reserved this long without an answer (its request died) is taken over by a retry. */
    abandonedAfterMs: 60_000,
  },
  pagination: {
    pageSize: 20,
  },
  markdown: {
    /**
     * Rows of each table (drafts, reviews, inline comments, replies) whose HTML one cron run renders, for rows
     * written before HTML was stored: at 50 a minute a table, old rows are filled within minutes of a deploy.
     */
    backfillRowsPerRun: 50,
  },
  safety: {
    /** Content notes a draft (or work) may carry; a member may hide drafts carrying any of them. Order is storage: each note is a bit. */
    contentNotes: ['violence', 'sexual-content', 'self-harm', 'suicide', 'abuse', 'substance-use', 'strong-language', 'death'] as const,
    /** Reports one member may file in `reportWindowMs`. */
    reportsPerWindow: 10,
    reportWindowMs: 60 * 60 * 1000,
    reportDetailsMaxLength: 2000,
    moderationNoteMaxLength: 2000,
    /** What a report's subject shows of the text on the moderation page. */
    subjectExcerptLength: 400,
  },
} as const;

export type ContentNote = (typeof config.safety.contentNotes)[number];

export type Genre = (typeof config.drafts.genres)[number];

/** Each genre as pages and emails write it; the slug is for URLs and the API. */
export const genreLabels: Record<Genre, string> = {
  fiction: 'Fiction',
  fantasy: 'Fantasy',
  'science-fiction': 'Science fiction',
  mystery: 'Mystery',
  romance: 'Romance',
  horror: 'Horror',
  literary: 'Literary',
  'young-adult': 'Young adult',
  poetry: 'Poetry',
  essay: 'Essay',
  memoir: 'Memoir',
  nonfiction: 'Nonfiction',
  screenplay: 'Screenplay',
  other: 'Other',
};

/** What one review of a draft of this length costs its author (and pays its reviewer). */
export function pricePerReview(wordCount: number): number {
  const band = config.drafts.priceBands.find((b) => wordCount <= b.maxWords);
  return (band ?? config.drafts.priceBands[config.drafts.priceBands.length - 1]!).price;
}
