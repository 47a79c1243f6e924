import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { EmailKind } from '../db/schema';
import { decodeBase64Url, encodeBase64Url } from 'hono/utils/encode';

/** What a member can switch off, one email kind or a few related ones at a time. */
export const PREFERENCE_GROUPS = {
  reviews: { label: 'emails about reviews of your drafts', off: sql`notify_reviews = 'off'`, on: sql`notify_reviews = 'each'` },
  activity: { label: 'emails when your review is rated or someone replies', off: sql`notify_activity = 0`, on: sql`notify_activity = 1` },
  new_drafts: { label: 'the digest of new drafts in your genres', off: sql`notify_new_drafts = 0`, on: sql`notify_new_drafts = 1` },
  claims: { label: 'reminders about your claims', off: sql`notify_claims = 0`, on: sql`notify_claims = 1` },
  returning: {
    label: 'emails when a work or draft you reviewed has a new part or version',
    off: sql`notify_returning = 0`,
    on: sql`notify_returning = 1`,
  },
  following: { label: 'emails about new drafts by writers you follow', off: sql`notify_following = 'off'`, on: sql`notify_following = 'each'` },
} satisfies Record<string, { label: string; off: SQL; on: SQL }>;

export type PreferenceGroup = keyof typeof PREFERENCE_GROUPS;

/**
 * Email a member cannot switch off, so it carries no unsubscribe link and never waits for the unsubscribe secret:
 * the sign-in link they asked for, and moderation outcomes (a report they filed was handled; content of theirs was
 * removed or their account suspended). A member must learn what was done to their account and why, whatever their
 * preferences, or they could not contest it.
 */
export const TRANSACTIONAL_KINDS = ['sign_in', 'report_handled', 'moderation_notice'] as const satisfies readonly EmailKind[];
export type TransactionalKind = (typeof TRANSACTIONAL_KINDS)[number];
export type NotificationKind = Exclude<EmailKind, TransactionalKind>;
export const isTransactional = (kind: EmailKind): kind is TransactionalKind => (TRANSACTIONAL_KINDS as readonly string[]).includes(kind);

export const groupOf: Record<NotificationKind, PreferenceGroup> = {
  review_received: 'reviews',
  reviews_digest: 'reviews',
  draft_complete: 'reviews',
  review_rated: 'activity',
  reply_received: 'activity',
  drafts_digest: 'new_drafts',
  claim_expiring: 'claims',
  claim_expired: 'claims',
  returning_readers: 'returning',
  following_draft: 'following',
  following_digest: 'following',
  invitation: 'activity',
};

export const isPreferenceGroup = (value: string): value is PreferenceGroup => value in PREFERENCE_GROUPS;

const encoder = new TextEncoder();

async function unsubscribeMac(secret: string, memberId: string, group: PreferenceGroup): Promise<ArrayBuffer> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return crypto.subtle.sign('HMAC', key, encoder.encode(`unsubscribe.${memberId}.${group}`));
}

/** HMAC of (member, group): the link works without signing in, for that member and group only. */
export async function unsubscribeToken(secret: string, memberId: string, group: PreferenceGroup): Promise<string> {
  return encodeBase64Url(await unsubscribeMac(secret, memberId, group)).replace(/=+$/, '');
}

export async function verifyUnsubscribeToken(secret: string, memberId: string, group: PreferenceGroup, token: string) {
  const expected = await unsubscribeMac(secret, memberId, group);
  let offered: Uint8Array;
  try {
    offered = decodeBase64Url(token);
  } catch {
    return false;
  }
  return offered.byteLength === expected.byteLength && crypto.subtle.timingSafeEqual(offered, expected);
}

export async function unsubscribeUrl(origin: string, secret: string, memberId: string, group: PreferenceGroup) {
  const params = new URLSearchParams({ m: memberId, g: group, t: await unsubscribeToken(secret, memberId, group) });
  return `${origin}/unsubscribe?${params}`;
}
