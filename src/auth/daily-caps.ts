import { sql } from 'drizzle-orm';
import { config } from '../config';
import { statement } from '../db/statements';
import { nextUtcDayStart, utcDay } from '../lib/clock';
import { ApiError } from '../lib/errors';
import { sha256Hex } from '../lib/ids';

/**
 * Counts one sign-in email against the address's and the client's daily caps.
 * For the batch that queues the email: past a cap the CHECK on
 * sign_in_counts fails and the whole batch (token and email too) is undone.
 */
export async function countSignInEmail(d1: D1Database, email: string, ip: string, now: number) {
  const day = utcDay(now);
  const bump = async (key: string, cap: number) =>
    statement(
      d1,
      sql`INSERT INTO sign_in_counts (key_hash, day, count, cap) VALUES (${await sha256Hex(key)}, ${day}, 1, ${cap})
        ON CONFLICT (key_hash, day) DO UPDATE SET count = count + 1, cap = excluded.cap`,
    );
  return [await bump(`address:${email}`, config.auth.dailyLinksPerAddress), await bump(`ip:${ip}`, config.auth.dailyLinksPerIp)];
}

export const isDailyCapError = (error: unknown) =>
  String((error as Error)?.message ?? error).includes('CHECK constraint failed: sign_in_counts_cap');

/** 429 until the next UTC day begins. */
export function dailyCapReached(now: number): ApiError {
  const seconds = Math.ceil((nextUtcDayStart(now) - now) / 1000);
  return new ApiError(
    429,
    'daily_limit',
    'Too many sign-in emails today for this address or network. Use a code or link already sent, a passkey, or try again tomorrow.',
    undefined,
    { 'Retry-After': String(seconds) },
  );
}
