import type { Context } from 'hono';
import type { AppEnv } from '../env';

/** Milliseconds since the epoch. Injected so expiry rules are testable without sleeping. */
export type Clock = () => number;

export const TEST_CLOCK_HEADER = 'x-volley-test-now';

/**
 * The request's clock: real time, unless the Worker runs with ALLOW_TEST_CLOCK
 * (only the test suite does) and the request names a time.
 */
export function clockFor(c: Context<AppEnv>): Clock {
  const forced = c.env.ALLOW_TEST_CLOCK === 'true' ? Number(c.req.header(TEST_CLOCK_HEADER)) : NaN;
  return Number.isFinite(forced) && forced > 0 ? () => forced : () => Date.now();
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC day a time falls in, as whole days since the epoch: what daily caps and budgets count by. */
export const utcDay = (now: number) => Math.floor(now / DAY_MS);

/** When `now`'s UTC day began. */
export const utcDayStart = (now: number) => utcDay(now) * DAY_MS;

/** When the UTC day after `now`'s begins. */
export const nextUtcDayStart = (now: number) => utcDayStart(now) + DAY_MS;
