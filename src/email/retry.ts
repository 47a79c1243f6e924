import { config } from '../config';

/**
 * When to try again after failed attempt number `attempt` (1-based), or null
 * when that was the last. ±20 % jitter spreads retries after an outage;
 * Resend's retry-after wins when it asks for longer.
 */
export function nextRetryDelay(attempt: number, retryAfterSeconds: number | undefined, random: () => number = Math.random): number | null {
  const { retryDelaysMs, maxAttempts, jitter } = config.email;
  if (attempt >= maxAttempts) return null;
  const base = retryDelaysMs[Math.min(attempt, retryDelaysMs.length) - 1]!;
  const jittered = Math.round(base * (1 - jitter + 2 * jitter * random()));
  return Math.max(jittered, (retryAfterSeconds ?? 0) * 1000);
}
