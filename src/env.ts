import type { SignedInMember } from './db/schema';
import type { Clock } from './lib/clock';

/** Everything wrangler.toml (and `wrangler secret put`) hands the Worker. */
export type Bindings = {
  DB: D1Database;
  ASSETS: Fetcher;
  MAGIC_LINK_EMAIL_LIMITER: RateLimit;
  MAGIC_LINK_IP_LIMITER: RateLimit;
  WRITE_LIMITER: RateLimit;
  REPORT_LIMITER: RateLimit;
  APP_ORIGIN?: string;
  EMAIL_FROM?: string;
  RESEND_API_KEY?: string;
  RESEND_BASE_URL?: string;
  /** Signs one-click unsubscribe links (HMAC). Required with RESEND_API_KEY. */
  UNSUBSCRIBE_SECRET?: string;
  /** If set, List-Unsubscribe also offers mailto:<this address>. */
  UNSUBSCRIBE_MAILTO?: string;
  /** Verifies Resend webhooks (Svix), `whsec_…`. */
  RESEND_WEBHOOK_SECRET?: string;
  /** Comma-separated addresses of operators who may open /admin. */
  ADMIN_EMAILS?: string;
  /** Test-only: lets the `x-volley-test-now` header move the clock. Never set in production. */
  ALLOW_TEST_CLOCK?: string;
  /** `true` turns the dev mailbox on where there is no Resend key (npm start, the tests); never on an https origin. */
  DEV_MAILBOX?: string;
};

export type SessionAuth = 'cookie' | 'bearer';

export type Variables = {
  requestId: string;
  secureHeadersNonce?: string;
  clock: Clock;
  member: SignedInMember | null;
  sessionId: string | null;
  sessionAuth: SessionAuth | null;
};

export type AppEnv = { Bindings: Bindings; Variables: Variables };
