import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { config } from '../src/config';

describe('config.ts', () => {
  it('states the rate limits wrangler.toml gives the bindings', () => {
    const limits = Object.fromEntries(env.TEST_RATE_LIMITS.map((r) => [r.name, r.simple]));
    const { windowSeconds, magicLinkPerAddress, magicLinkPerIp, writesPerMember, signInAttemptsPerIp, reportBurstPerMember } = config.rateLimits;
    expect(limits).toEqual({
      MAGIC_LINK_EMAIL_LIMITER: { limit: magicLinkPerAddress, period: windowSeconds },
      MAGIC_LINK_IP_LIMITER: { limit: magicLinkPerIp, period: windowSeconds },
      WRITE_LIMITER: { limit: writesPerMember, period: windowSeconds },
      SIGN_IN_ATTEMPT_LIMITER: { limit: signInAttemptsPerIp, period: windowSeconds },
      REPORT_LIMITER: { limit: reportBurstPerMember, period: windowSeconds },
    });
  });
});
