import { describe, expect, it } from 'vitest';
import { call, postDraft, signIn, type SignedInMember } from './helpers';

/** A page with the browser's `tz` cookie, if it has set one. */
async function page(path: string, member: SignedInMember, tz?: string) {
  const cookie = [`__Host-volley_session=${member.token}`, ...(tz === undefined ? [] : [`tz=${encodeURIComponent(tz)}`])].join('; ');
  return (await call(path, { cookie })).text();
}

// 20:30 UTC on 10 January is already 11 January in Tokyo and still the 10th in New York.
const posted = Date.UTC(2026, 0, 10, 20, 30);

async function memberWithDraft() {
  const member = await signIn();
  const response = await postDraft(member, { title: 'Night Ferry' }, { now: posted });
  expect(response.status).toBe(201);
  return member;
}

describe('dates in the reader’s time zone', () => {
  it('are UTC, and say so, until the browser has named its zone', async () => {
    const member = await memberWithDraft();
    const drafts = await page('/drafts', member);
    expect(drafts).toContain(`posted <time datetime="${new Date(posted).toISOString()}" data-when="date">10 Jan 2026 UTC</time>`);
    const ledger = await page('/credits', member);
    expect(ledger).toContain('10 Jan 2026, 20:30 UTC</time>');
  });

  it('follow the zone in the tz cookie, dates and times alike', async () => {
    const member = await memberWithDraft();
    expect(await page('/drafts', member, 'Asia/Tokyo')).toContain(`<time datetime="${new Date(posted).toISOString()}">11 Jan 2026</time>`);
    const ledger = await page('/credits', member, 'Asia/Kathmandu');
    expect(ledger).toContain('11 Jan 2026, 02:15</time>');
    expect(ledger).not.toMatch(/UTC<\/time>/);
    expect(await page('/drafts', member, 'America/New_York')).toContain('>10 Jan 2026</time>');
  });

  it('fall back to UTC for a zone the runtime does not know', async () => {
    const member = await memberWithDraft();
    for (const tz of ['Mars/Olympus_Mons', '<script>', '', 'x'.repeat(300)]) {
      const ledger = await page('/credits', member, tz);
      expect(ledger, tz).toContain('10 Jan 2026, 20:30 UTC</time>');
    }
  });
});
