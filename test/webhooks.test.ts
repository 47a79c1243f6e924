import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, count, expectErrorShape, requestLink, rows, uniqueEmail } from './helpers';

const secret = env.RESEND_WEBHOOK_SECRET!;

/** Signs as Resend (Svix) does, written out here so the test does not check the library against itself. */
async function svixSignature(whsec: string, id: string, timestamp: string, body: string) {
  const raw = Uint8Array.from(atob(whsec.replace(/^whsec_/, '')), (ch) => ch.charCodeAt(0));
  const key = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${id}.${timestamp}.${body}`));
  return btoa(String.fromCharCode(...new Uint8Array(mac)));
}

async function deliverWebhook(event: object, options: { id?: string; timestamp?: number; signWith?: string; tamper?: boolean } = {}) {
  const id = options.id ?? `msg_${crypto.randomUUID()}`;
  const timestamp = String(Math.floor((options.timestamp ?? Date.now()) / 1000));
  const body = JSON.stringify(event);
  const signature = await svixSignature(options.signWith ?? secret, id, timestamp, body);
  return call('/api/v1/webhooks/resend', {
    rawBody: options.tamper ? body.replace('bounced', 'delivered') : body,
    headers: { 'content-type': 'application/json', 'svix-id': id, 'svix-timestamp': timestamp, 'svix-signature': `v1,${signature}` },
  });
}

const bounce = (to: string, type = 'email.bounced') => ({ type, created_at: new Date().toISOString(), data: { email_id: 're_x', to: [to] } });

describe('Resend webhooks', () => {
  it('a signed bounce suppresses the address; sign-in links to it then answer like any address and send nothing', async () => {
    const email = uniqueEmail();
    expect((await deliverWebhook(bounce(email))).status).toBe(200);
    expect(await rows('SELECT reason FROM suppressions WHERE email = ?', email)).toEqual([{ reason: 'bounced' }]);
    expect((await requestLink(email)).status).toBe(202);
    expect(await count('login_tokens', 'email = ?', email)).toBe(0);
    expect(await count('email_outbox', 'to_address = ?', email)).toBe(0);
  });

  it('a complaint suppresses too', async () => {
    const email = uniqueEmail();
    expect((await deliverWebhook(bounce(email, 'email.complained'))).status).toBe(200);
    expect(await rows('SELECT reason FROM suppressions WHERE email = ?', email)).toEqual([{ reason: 'complained' }]);
  });

  it('a delivered event is recorded against its outbox row and suppresses nothing', async () => {
    const email = uniqueEmail();
    await requestLink(email);
    const [row] = await rows<{ id: string; provider_id: string }>('SELECT id, provider_id FROM email_outbox WHERE to_address = ?', email);
    const response = await deliverWebhook({ type: 'email.delivered', data: { email_id: row!.provider_id, to: [email] } });
    expect(response.status).toBe(200);
    expect(await rows('SELECT type, outbox_id FROM webhook_events WHERE outbox_id = ?', row!.id)).toEqual([{ type: 'email.delivered', outbox_id: row!.id }]);
    expect(await count('suppressions', 'email = ?', email)).toBe(0);
  });

  it('refuses a forged signature, a tampered body and a stale timestamp, and changes nothing', async () => {
    const email = uniqueEmail();
    await expectErrorShape(await deliverWebhook(bounce(email), { signWith: 'whsec_' + btoa('someone-else-entirely-32-bytes!!') }), 401, 'invalid_signature');
    await expectErrorShape(await deliverWebhook(bounce(email), { tamper: true }), 401, 'invalid_signature');
    await expectErrorShape(await deliverWebhook(bounce(email), { timestamp: Date.now() - 6 * 60 * 1000 }), 401, 'invalid_signature');
    const unsigned = await call('/api/v1/webhooks/resend', { body: bounce(email) });
    await expectErrorShape(unsigned, 401, 'invalid_signature');
    expect(await count('suppressions', 'email = ?', email)).toBe(0);
  });

  it('a repeated svix-id is a 200 that changes nothing (Svix retries anything else, then disables the endpoint)', async () => {
    const id = `msg_${crypto.randomUUID()}`;
    const first = uniqueEmail();
    const second = uniqueEmail();
    expect((await deliverWebhook(bounce(first), { id })).status).toBe(200);
    const again = await deliverWebhook(bounce(second), { id });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ received: true });
    expect(await count('webhook_events', 'svix_id = ?', id)).toBe(1);
    expect(await count('suppressions', 'email = ?', second)).toBe(0);
  });
});
