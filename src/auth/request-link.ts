import type { Context } from 'hono';
import { database } from '../db/client';
import type { AppEnv } from '../env';
import { ApiError } from '../lib/errors';
import { newId } from '../lib/ids';
import { appOrigin } from '../lib/origin';
import { clientIp, enforceRateLimit } from '../lib/rate-limit';
import { transportFor } from '../email/transport';
import { createLinkToken, signInUrl } from './magic-link';
import { signInEmail } from './sign-in-email';

/**
 * Emails a sign-in link to any well-formed address, account or not, so the
 * answer never tells whether an address is a member's.
 */
export async function requestSignInLink(c: Context<AppEnv>, email: string): Promise<void> {
  await enforceRateLimit(c.env.MAGIC_LINK_IP_LIMITER, clientIp(c.req));
  await enforceRateLimit(c.env.MAGIC_LINK_EMAIL_LIMITER, email);
  const now = c.var.clock();
  const db = database(c.env.DB);
  const token = await createLinkToken(db, email, now);
  const message = await signInEmail(email, signInUrl(appOrigin(c), token));
  try {
    await transportFor(c.env, c.var.clock).send(message, `sign-in:${newId()}`);
  } catch (error) {
    console.error(JSON.stringify({ event: 'sign_in_email_failed', requestId: c.var.requestId, error: String(error) }));
    throw new ApiError(503, 'email_unavailable', 'We could not send the email just now. Please try again in a minute.');
  }
}
