import type { SignedInMember } from './db/schema';
import type { Clock } from './lib/clock';

/** Everything wrangler.toml (and `wrangler secret put`) hands the Worker. */
export type Bindings = {
  DB: D1Database;
  ASSETS: Fetcher;
  MAGIC_LINK_EMAIL_LIMITER: RateLimit;
  MAGIC_LINK_IP_LIMITER: RateLimit;
  WRITE_LIMITER: RateLimit;
  SIGN_IN_ATTEMPT_LIMITER: RateLimit;
  /** Keys the hash of sign-in codes (HMAC). Required on an https origin; locally a fixed dev key is used. */
  SIGN_IN_CODE_SECRET?: string;
  /** Cloudflare Turnstile on sign-in: on when the secret is set, with the site key for the widget. */
  TURNSTILE_SECRET?: string;
  TURNSTILE_SITE_KEY?: string;
  /** Where Turnstile tokens are verified; defaults to Cloudflare's siteverify (tests point it at a fake). */
  TURNSTILE_VERIFY_URL?: string;
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
