/** Resend signs webhooks the Svix way: HMAC-SHA256 over `${id}.${timestamp}.${body}` with the base64 secret after `whsec_`. */
const TOLERANCE_SECONDS = 5 * 60;

function decodeBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));
}

function encodeBase64(bytes: ArrayBuffer): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)));
}

export async function svixSignature(secret: string, id: string, timestamp: string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', decodeBase64(secret.replace(/^whsec_/, '')), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return encodeBase64(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${id}.${timestamp}.${body}`)));
}

export type SvixHeaders = { id?: string; timestamp?: string; signature?: string };

/**
 * Why a delivery is refused, or null when it is authentic and fresh. The
 * signature header may hold several `v1,<base64>` entries (during secret
 * rotation); one match is enough. Compared in constant time.
 */
export async function svixRefusal(secret: string, headers: SvixHeaders, body: string, nowMs: number): Promise<string | null> {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature) return 'missing svix-id, svix-timestamp or svix-signature';
  const sentAt = Number(timestamp);
  if (!Number.isFinite(sentAt) || Math.abs(nowMs / 1000 - sentAt) > TOLERANCE_SECONDS) return 'timestamp outside the 5-minute window';
  const expected = await svixSignature(secret, id, timestamp, body);
  const offered = signature.split(' ').map((part) => part.split(',')[1] ?? '');
  const matches = offered.some((candidate) => {
    if (candidate.length !== expected.length) return false;
    let diff = 0;
    for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ candidate.charCodeAt(i);
    return diff === 0;
  });
  return matches ? null : 'signature does not match';
}
