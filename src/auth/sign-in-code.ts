import { config } from '../config';
import type { Bindings } from '../env';

/** Only ever keys codes on a plain-http origin (a developer's machine); an https deployment must set its own. */
const DEV_CODE_SECRET = 'volley-dev-sign-in-code-secret';

/**
 * A uniformly random code of `config.auth.codeDigits` digits. Rejection
 * sampling: 32-bit values at or above the largest multiple of 10^n are drawn
 * again, so no code is likelier than another (plain `% 10^n` would favour low codes).
 */
export function newSignInCode(): string {
  const range = 10 ** config.auth.codeDigits;
  const limit = Math.floor(2 ** 32 / range) * range;
  const draw = new Uint32Array(1);
  do crypto.getRandomValues(draw);
  while (draw[0]! >= limit);
  return String(draw[0]! % range).padStart(config.auth.codeDigits, '0');
}

function codeSecret(env: Bindings, origin: string): string {
  if (env.SIGN_IN_CODE_SECRET) return env.SIGN_IN_CODE_SECRET;
  if (new URL(origin).protocol === 'http:') return DEV_CODE_SECRET;
  throw new Error('SIGN_IN_CODE_SECRET must be set on an https origin (wrangler secret put SIGN_IN_CODE_SECRET)');
}

/**
 * The stored form of a code: HMAC-SHA-256 under a secret, bound to the
 * address. Six digits are a million values, so a plain hash would be reversed
 * from a leaked table in a second; without the key it cannot be.
 */
export async function signInCodeHash(env: Bindings, origin: string, email: string, code: string): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(codeSecret(env, origin)),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${email}\n${code}`)));
}

export const toHex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

const fromHex = (hex: string) => new Uint8Array((hex.match(/../g) ?? []).map((pair) => parseInt(pair, 16)));

/** Constant-time: how long the comparison takes says nothing about how much of the code was right. */
export function codeHashesMatch(stored: string, typed: Uint8Array): boolean {
  const expected = fromHex(stored);
  return expected.byteLength === typed.byteLength && crypto.subtle.timingSafeEqual(expected, typed);
}
