import { generateRegistrationOptions, verifyRegistrationResponse } from '@simplewebauthn/server';
import { decodeClientDataJSON, isoBase64URL, isoUint8Array } from '@simplewebauthn/server/helpers';
import { sql } from 'drizzle-orm';
import type { Context } from 'hono';
import type { z } from 'zod';
import { config } from '../config';
import { database } from '../db/client';
import type { SignedInMember } from '../db/schema';
import { statement } from '../db/statements';
import type { AppEnv } from '../env';
import { ApiError, conflict } from '../lib/errors';
import { newId } from '../lib/ids';
import { challengeRefused, challengeUsedBy, liveChallenge, storeChallenge, useChallenge } from './challenges';
import { listPasskeys, type Passkey } from './member-passkeys';
import { passkeyName } from './passkey-name';
import { relyingParty } from './relying-party';
import type { PasskeyRegistrationSchema } from './schemas';

export const passkeyRejected = (why: string) =>
  new ApiError(400, 'passkey_rejected', `This passkey could not be verified: ${why}`);

/** Options for adding a passkey: discoverable (so sign-in needs no address), never one the member already has. */
export async function registrationOptions(c: Context<AppEnv>, member: SignedInMember) {
  const db = database(c.env.DB);
  const rp = relyingParty(c);
  const existing = await listPasskeys(db, member.id);
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: member.email,
    userDisplayName: member.name,
    userID: isoUint8Array.fromUTF8String(member.id),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: JSON.parse(p.transports) })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
    timeout: config.auth.passkeyChallengeLifetimeMs,
  });
  await storeChallenge(db, options.challenge, 'registration', member.id, c.var.clock());
  return options;
}

/**
 * Verifies the browser's answer to our registration options and stores the
 * passkey, in one batch with using up the challenge (so one challenge adds
 * at most one passkey) and under the per-member cap.
 */
export async function registerPasskey(
  c: Context<AppEnv>,
  member: SignedInMember,
  credential: z.infer<typeof PasskeyRegistrationSchema>,
): Promise<Passkey> {
  const d1 = c.env.DB;
  const now = c.var.clock();
  const rp = relyingParty(c);
  const challenge = readChallenge(credential.response.clientDataJSON);
  const [live] = await liveChallenge(database(d1), challenge, 'registration', member.id, now);
  if (!live) throw challengeRefused();

  let info;
  try {
    const verification = await verifyRegistrationResponse({
      response: credential,
      expectedChallenge: live.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
    });
    if (!verification.verified) throw new Error('the browser\'s answer did not verify.');
    info = verification.registrationInfo;
  } catch (error) {
    throw passkeyRejected((error as Error).message);
  }

  const passkey: Passkey = {
    id: newId(),
    memberId: member.id,
    credentialId: info.credential.id,
    publicKey: isoBase64URL.fromBuffer(info.credential.publicKey),
    counter: info.credential.counter,
    transports: JSON.stringify(info.credential.transports ?? []),
    name: passkeyName(c.req.header('user-agent'), now),
    createdAt: now,
    lastUsedAt: null,
  };
  const [used, inserted] = await d1.batch([
    useChallenge(d1, challenge, passkey.id, now),
    statement(
      d1,
      sql`INSERT INTO passkeys (id, member_id, credential_id, public_key, counter, transports, name, created_at)
        SELECT ${passkey.id}, ${member.id}, ${passkey.credentialId}, ${passkey.publicKey}, ${passkey.counter}, ${passkey.transports},
          ${passkey.name}, ${now}
        WHERE ${challengeUsedBy(challenge, passkey.id)}
          AND (SELECT count(*) FROM passkeys WHERE member_id = ${member.id}) < ${config.auth.maxPasskeysPerMember}
        ON CONFLICT (credential_id) DO NOTHING`,
    ),
  ]);
  if (used!.meta.changes === 0) throw challengeRefused();
  if (inserted!.meta.changes === 0) {
    throw conflict('passkey_not_added', `This passkey is already registered, or you have ${config.auth.maxPasskeysPerMember} passkeys: remove one first.`);
  }
  return passkey;
}

/** The challenge the browser signed, from its client data (verification checks it against ours). */
export function readChallenge(clientDataJSON: string): string {
  try {
    return decodeClientDataJSON(clientDataJSON).challenge;
  } catch {
    throw passkeyRejected('the client data is not readable.');
  }
}
