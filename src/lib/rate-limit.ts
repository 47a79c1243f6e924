import { config } from '../config';
import { tooManyRequests } from './errors';

/**
 * Counts one request against a Workers Rate Limiting binding and throws our
 * 429 (with Retry-After) when the key has used its window.
 */
export async function enforceRateLimit(limiter: RateLimit, key: string): Promise<void> {
  const { success } = await limiter.limit({ key });
  if (!success) throw tooManyRequests(config.rateLimits.windowSeconds);
}

/** The caller's address as Cloudflare reports it. */
export function clientIp(headers: { header(name: string): string | undefined }): string {
  return headers.header('cf-connecting-ip') ?? 'unknown';
}
