import { config } from '../config';
import type { Bindings } from '../env';
import { ApiError } from '../lib/errors';

export const turnstileEnabled = (env: Bindings) => !!env.TURNSTILE_SECRET;

/**
 * When TURNSTILE_SECRET is set, a sign-in email is sent only for a token the
 * Turnstile widget gave a person; siteverify says whether it did. Off when the
 * secret is unset (locally, and in tests that do not stand in for Cloudflare).
 */
export async function verifyTurnstile(env: Bindings, token: string | undefined, ip: string): Promise<void> {
  if (!env.TURNSTILE_SECRET) return;
  const refused = new ApiError(400, 'turnstile_failed', 'Please confirm you are a person, then ask again.', {
    turnstileToken: 'The check did not pass.',
  });
  if (!token) throw refused;
  const body = new FormData();
  body.set('secret', env.TURNSTILE_SECRET);
  body.set('response', token);
  body.set('remoteip', ip);
  const response = await fetch(env.TURNSTILE_VERIFY_URL || config.auth.turnstileVerifyUrl, { method: 'POST', body });
  const outcome = response.ok ? ((await response.json()) as { success?: boolean }) : { success: false };
  if (outcome.success !== true) throw refused;
}
