import { sql, type SQL } from 'drizzle-orm';
import { config } from '../config';
import { statement } from '../db/statements';
import { mayHoldSession } from './suspension';

/**
 * The statement that opens a session for the one member `source` selects as
 * `m` (`FROM … members m … WHERE …`), for the batch that spends the
 * credential: it inserts nothing unless that batch's own conditions held.
 * Every way in (link, code, passkey) opens its session here and nowhere else,
 * so the rule refusing sign-in to a suspended member is one condition here.
 */
export function openSession(d1: D1Database, session: { id: string; tokenHash: string }, source: SQL, now: number) {
  return statement(
    d1,
    sql`INSERT INTO sessions (id, token_hash, member_id, created_at, expires_at)
      SELECT ${session.id}, ${session.tokenHash}, m.id, ${now}, ${now + config.auth.sessionLifetimeMs}
      ${source} AND ${mayHoldSession}`,
  );
}
