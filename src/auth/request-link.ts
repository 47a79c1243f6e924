import type { Context } from 'hono';
import { sql } from 'drizzle-orm';
import { config } from '../config';
import { statement } from '../db/statements';
import type { AppEnv } from '../env';
import { deliverOutbox } from '../email/deliver';
import { linkOrigin } from '../email/links';
import { enqueueEmail } from '../email/outbox';
import { newToken, sha256Hex } from '../lib/ids';
import { clientIp, enforceRateLimit } from '../lib/rate-limit';
import { countSignInEmail, dailyCapReached, isDailyCapError } from './daily-caps';
import { newSignInCode, signInCodeHash, toHex } from './sign-in-code';
import { signInEmail, signInUrl } from './sign-in-email';
import { verifyTurnstile } from './turnstile';

/**
 * Emails a sign-in link and code to any well-formed address, account or not,
 * bounced or not, with the same answer, so it never tells anything about the
 * address. The token, the daily counts and the email are written in one batch
 * (past a daily cap the batch is undone); a suppressed address gets no token
 * and no email. The email is sent before answering (people wait for it), and
 * if Resend is down the cron sweep retries it.
 */
export async function requestSignInLink(c: Context<AppEnv>, email: string, turnstileToken?: string): Promise<void> {
  const ip = clientIp(c.req);
  await enforceRateLimit(c.env.MAGIC_LINK_IP_LIMITER, ip);
  await enforceRateLimit(c.env.MAGIC_LINK_EMAIL_LIMITER, email);
  await verifyTurnstile(c.env, turnstileToken, ip);

  const d1 = c.env.DB;
  const now = c.var.clock();
  const token = newToken(config.auth.tokenBytes);
  const code = newSignInCode();
  const codeHash = toHex(await signInCodeHash(c.env, new URL(c.req.url).origin, email, code));
  const outbox = enqueueEmail(d1, { kind: 'sign_in', memberId: null, message: await signInEmail(email, signInUrl(linkOrigin, token), code) }, now);
  try {
    await d1.batch([
      ...(await countSignInEmail(d1, email, ip, now)),
      statement(d1, sql`INSERT INTO login_tokens (token_hash, email, code_hash, created_at, expires_at)
        SELECT ${await sha256Hex(token)}, ${email}, ${codeHash}, ${now}, ${now + config.auth.linkTokenLifetimeMs}
        WHERE NOT EXISTS (SELECT 1 FROM suppressions WHERE email = ${email})`),
      outbox.statement,
    ]);
  } catch (error) {
    if (isDailyCapError(error)) throw dailyCapReached(now);
    throw error;
  }
  await deliverOutbox(c.env, now, { ids: [outbox.id], requestUrl: c.req.url });
}
