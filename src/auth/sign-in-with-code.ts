import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { clientIp, enforceRateLimit } from '../lib/rate-limit';
import { exchangeSignInCode, type SignedIn } from './sessions';
import { signInCodeHash } from './sign-in-code';

/** The code from a sign-in email for a session, at most `signInAttemptsPerIp` tries an IP a minute. */
export async function signInWithCode(c: Context<AppEnv>, email: string, code: string): Promise<SignedIn> {
  await enforceRateLimit(c.env.SIGN_IN_ATTEMPT_LIMITER, clientIp(c.req));
  const typed = await signInCodeHash(c.env, new URL(c.req.url).origin, email, code);
  return exchangeSignInCode(c.env.DB, email, typed, c.var.clock());
}
