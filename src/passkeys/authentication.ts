import { generateAuthenticationOptions, verifyAuthenticationResponse } from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { eq, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import type { z } from 'zod';
import { accountSuspended } from '../auth/suspension';
import { openSession } from '../auth/open-session';
import { newSession, type SignedIn } from '../auth/sessions';
import { config } from '../config';
import { database } from '../db/client';
import { passkeys } from '../db/schema';
import { statement } from '../db/statements';
import type { AppEnv } from '../env';
import { clientIp, enforceRateLimit } from '../lib/rate-limit';
import { challengeRefused, challengeUsedBy, liveChallenge, storeChallenge, useChallenge } from './challenges';
import { passkeyRejected, readChallenge } from './registration';
import { relyingParty } from './relying-party';
import type { PasskeyAssertionSchema } from './schemas';

/** Passkey ceremonies count per IP apart from typed codes: the home page starts one on every visit (autofill). */
const limitPasskeyAttempts = (c: Context<AppEnv>) => enforceRateLimit(c.env.SIGN_IN_ATTEMPT_LIMITER, `passkey:${clientIp(c.req)}`);

/** Options for signing in with any passkey of this site: the browser offers the ones it holds (no address asked). */
export async function authenticationOptions(c: Context<AppEnv>) {
  await limitPasskeyAttempts(c);
  const options = await generateAuthenticationOptions({
    rpID: relyingParty(c).id,
    userVerification: 'preferred',
    timeout: config.auth.passkeyChallengeLifetimeMs,
  });
  await storeChallenge(database(c.env.DB), options.challenge, 'authentication', null, c.var.clock());
  return options;
}

/**
 * Signs in with a passkey: the assertion must answer a live challenge of
 * ours, come from our origin, be signed by the stored key and move its
 * counter forward. One batch then uses the challenge up, records the counter
 * and opens the session, each step conditional on the one before, so a
 * replayed assertion (its challenge used) opens nothing.
 */
export async function authenticateWithPasskey(
  c: Context<AppEnv>,
  assertion: z.infer<typeof PasskeyAssertionSchema>,
): Promise<SignedIn & { memberId: string }> {
  await limitPasskeyAttempts(c);
  const d1 = c.env.DB;
  const db = database(d1);
  const now = c.var.clock();
  const rp = relyingParty(c);
  const challenge = readChallenge(assertion.response.clientDataJSON);
  const [[live], [passkey]] = await db.batch([
    liveChallenge(db, challenge, 'authentication', null, now),
    db.select().from(passkeys).where(eq(passkeys.credentialId, assertion.id)),
  ]);
  if (!live) throw challengeRefused();
  if (!passkey) throw passkeyRejected('it is not registered here (it may have been removed).');
  if (assertion.response.userHandle && assertion.response.userHandle !== isoBase64URL.fromUTF8String(passkey.memberId)) {
    throw passkeyRejected('it belongs to another account.');
  }

  let newCounter: number;
  try {
    const verification = await verifyAuthenticationResponse({
      response: assertion,
      expectedChallenge: live.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: {
        id: passkey.credentialId,
        publicKey: isoBase64URL.toBuffer(passkey.publicKey),
        counter: passkey.counter,
        transports: JSON.parse(passkey.transports),
      },
      requireUserVerification: false,
    });
    if (!verification.verified) throw new Error('the signature did not verify.');
    newCounter = verification.authenticationInfo.newCounter;
  } catch (error) {
    throw passkeyRejected((error as Error).message);
  }

  const session = await newSession();
  const won = challengeUsedBy(challenge, session.id);
  const [used, moved, opened] = await d1.batch([
    useChallenge(d1, challenge, session.id, now),
    // Only from the counter this check read: of two assertions racing past it with one counter value, one moves it.
    statement(d1, sql`UPDATE passkeys SET counter = ${newCounter}, last_used_at = ${now}
      WHERE id = ${passkey.id} AND counter = ${passkey.counter} AND ${won}`),
    openSession(
      d1,
      session,
      sql`FROM passkeys p JOIN members m ON m.id = p.member_id
        WHERE p.id = ${passkey.id} AND p.counter = ${newCounter} AND p.last_used_at = ${now} AND ${won}`,
      now,
    ),
  ]);
  if (used!.meta.changes === 0) throw challengeRefused();
  // The counter moved, so the assertion was good: only a suspension keeps the session from opening.
  if (opened!.meta.changes === 0 && moved!.meta.changes > 0) throw accountSuspended();
  if (opened!.meta.changes === 0) throw passkeyRejected('its signature counter did not move forward.');
  return { token: session.tokenFor(passkey.memberId), sessionId: session.id, memberId: passkey.memberId };
}
