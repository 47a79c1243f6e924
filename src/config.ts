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
  },
} as const;
