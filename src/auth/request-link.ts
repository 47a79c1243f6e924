import type { Context } from 'hono';
import { sql } from 'drizzle-orm';
import { config } from '../config';
import { statement } from '../db/statements';
import type { AppEnv } from '../env';
import { deliverOutbox } from '../email/deliver';
import { linkOrigin } from '../email/links';
import { enqueueEmail } from '../email/outbox';
import { ApiError } from '../lib/errors';
import { newToken, sha256Hex } from '../lib/ids';
import { clientIp, enforceRateLimit } from '../lib/rate-limit';
import { signInEmail, signInUrl } from './sign-in-email';

/**
 * Emails a sign-in link to any well-formed address, account or not, so the
 * answer never tells whether an address is a member's. The token and the email
 * are written in one batch; the email is sent before answering (people wait
 * for it), and if Resend is down the cron sweep retries it.
 */
export async function requestSignInLink(c: Context<AppEnv>, email: string): Promise<void> {
  await enforceRateLimit(c.env.MAGIC_LINK_IP_LIMITER, clientIp(c.req));
  await enforceRateLimit(c.env.MAGIC_LINK_EMAIL_LIMITER, email);
  const d1 = c.env.DB;
  const suppressed = await d1.prepare('SELECT reason FROM suppressions WHERE email = ?').bind(email).first<{ reason: string }>();
  if (suppressed) {
    throw new ApiError(
      422,
      'address_suppressed',
      `Email to this address ${suppressed.reason === 'complained' ? 'was reported as spam' : 'bounced'}, so Volley no longer sends to it. Use another address.`,
      { email: 'We cannot send email to this address.' },
    );
  }

  const now = c.var.clock();
  const token = newToken(config.auth.tokenBytes);
  const outbox = enqueueEmail(d1, { kind: 'sign_in', memberId: null, message: await signInEmail(email, signInUrl(linkOrigin, token)) }, now);
  await d1.batch([
    statement(d1, sql`INSERT INTO login_tokens (token_hash, email, created_at, expires_at)
      VALUES (${await sha256Hex(token)}, ${email}, ${now}, ${now + config.auth.linkTokenLifetimeMs})`),
    outbox.statement,
  ]);
  await deliverOutbox(c.env, now, { ids: [outbox.id], requestUrl: c.req.url });
}
