import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { unsubscribeUrl } from '../src/email/unsubscribe';
import { call, expectErrorShape, ORIGIN, rows, signIn } from './helpers';

const pathOf = (url: string) => url.slice(ORIGIN.length);
const link = async (memberId: string, group: 'reviews' | 'activity' | 'new_drafts' | 'claims') =>
  pathOf(await unsubscribeUrl(ORIGIN, env.UNSUBSCRIBE_SECRET!, memberId, group));

const preferences = async (id: string) =>
  (await rows<{ notify_reviews: string; notify_activity: number }>('SELECT notify_reviews, notify_activity FROM members WHERE id = ?', id))[0];

describe('unsubscribe', () => {
  it('a GET (what mail scanners do) shows a confirmation button and changes nothing', async () => {
    const member = await signIn();
    const response = await call(await link(member.member.id, 'reviews'));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<form method="post" action="/unsubscribe?');
    expect(html).toContain('emails about reviews of your drafts');
    expect((await preferences(member.member.id))!.notify_reviews).toBe('each');
  });

  it('the one-click POST (RFC 8058) turns off that one kind, with no cookie or Origin', async () => {
    const member = await signIn();
    const response = await call(await link(member.member.id, 'activity'), {
      method: 'POST',
      rawBody: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(200);
    expect(await preferences(member.member.id)).toEqual({ notify_reviews: 'each', notify_activity: 0 });
  });

  it('the confirmation button turns reviews off; settings turn them back on', async () => {
    const member = await signIn();
    const response = await call(await link(member.member.id, 'reviews'), {
      method: 'POST',
      rawBody: '',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
    });
    expect(await response.text()).toContain('You are unsubscribed');
    expect((await preferences(member.member.id))!.notify_reviews).toBe('off');

    const patched = await call('/api/v1/me', { method: 'PATCH', token: member.token, body: { notifications: { reviews: 'each' } } });
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as { notifications: { reviews: string } }).notifications.reviews).toBe('each');
  });

  it('a forged or mismatched link is refused and changes nothing', async () => {
    const member = await signIn();
    const other = await signIn();
    const forged = (await link(member.member.id, 'reviews')).replace(/t=[^&]+/, 't=forged');
    const stolen = (await link(other.member.id, 'reviews')).replace(other.member.id, member.member.id);
    const otherGroup = (await link(member.member.id, 'claims')).replace('g=claims', 'g=reviews');
    for (const path of [forged, stolen, otherGroup]) {
      const response = await call(path, { method: 'POST', rawBody: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(response.status).toBe(400);
    }
    expect((await preferences(member.member.id))!.notify_reviews).toBe('each');
  });
});

describe('settings', () => {
  it('PATCH /me changes name, genres and preferences; GET /me shows them', async () => {
    const member = await signIn();
    const response = await call('/api/v1/me', {
      method: 'PATCH',
      token: member.token,
      body: { name: 'Ada L.', genres: ['poetry', 'essay'], notifications: { reviews: 'daily', newDrafts: false } },
    });
    expect(response.status).toBe(200);
    const me = await (await call('/api/v1/me', { token: member.token })).json();
    expect(me).toMatchObject({
      name: 'Ada L.',
      genres: ['poetry', 'essay'],
      notifications: { reviews: 'daily', activity: true, newDrafts: false, claims: true },
    });
  });

  it('refuses bad settings with the field named, and writes nothing', async () => {
    const member = await signIn();
    for (const [body, field] of [
      [{ name: '' }, 'name'],
      [{ genres: ['polka'] }, 'genres.0'],
      [{ notifications: { reviews: 'hourly' } }, 'notifications.reviews'],
      [{ notifications: { spam: true } }, 'notifications.spam'],
      [{ credits: 100 }, 'credits'],
    ] as const) {
      const error = await expectErrorShape(await call('/api/v1/me', { method: 'PATCH', token: member.token, body }), 400, 'validation_failed');
      expect(error.fields?.[field]).toBeTruthy();
    }
    expect(await (await call('/api/v1/me', { token: member.token })).json()).toMatchObject({ name: member.member.name, genres: [] });
  });

  it('the settings page saves with JavaScript off', async () => {
    const member = await signIn();
    const cookie = `__Host-volley_session=${member.token}`;
    const page = await call('/settings', { cookie });
    expect(await page.text()).toContain('Genres you follow');
    const saved = await call('/settings', {
      method: 'POST',
      cookie,
      rawBody: 'name=Quill&genres=poetry&genres=memoir&reviews=off&claims=on',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
    });
    expect(saved.status).toBe(303);
    expect(await (await call('/api/v1/me', { token: member.token })).json()).toMatchObject({
      name: 'Quill',
      genres: ['poetry', 'memoir'],
      notifications: { reviews: 'off', activity: false, newDrafts: false, claims: true },
    });
  });
});

describe('operators', () => {
  it('the admin page lists dead and pending email for admins only, and "retry now" requeues', async () => {
    const admin = await signIn('admin@volley.test');
    const member = await signIn();
    const now = Date.now();
    await env.DB.prepare(
      `INSERT INTO email_outbox (id, kind, to_address, subject, text_body, html_body, status, attempts, next_attempt_at, last_error, created_at)
       VALUES ('deadmail0000001', 'sign_in', 'gone@example.com', 's', 't', 'h', 'dead', 8, ?, 'attempt 8: 500 Resend: down', ?)`,
    ).bind(now, now).run();

    expect((await call('/admin/email', { cookie: `__Host-volley_session=${member.token}` })).status).toBe(404);
    expect((await call('/admin/email')).status).toBe(303);
    const page = await call('/admin/email', { cookie: `__Host-volley_session=${admin.token}` });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('gone@example.com');
    expect(html).toContain('attempt 8: 500 Resend: down');

    const retry = await call('/admin/email/deadmail0000001/retry', {
      method: 'POST',
      cookie: `__Host-volley_session=${admin.token}`,
      rawBody: '',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
    });
    expect(retry.status).toBe(303);
    const [row] = await rows<{ status: string; attempts: number }>("SELECT status, attempts FROM email_outbox WHERE id = 'deadmail0000001'");
    expect(['pending', 'sending', 'sent']).toContain(row!.status);
  });
});
