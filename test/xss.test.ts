import { beforeAll, describe, expect, it, vi } from 'vitest';
import { config } from '../src/config';
import { splitParagraphs } from '../src/lib/text';
import { escapeHtml, executableMarkup } from './executable-markup';
import { call, ORIGIN, rows, runCron, signIn, words, type SignedInMember } from './helpers';
import corpus from './xss-payloads.json';

/**
 * The XSS corpus (test/xss-payloads.json, shared with e2e/xss.e2e.mjs) goes into every field a member
 * controls: display name, draft title, body and note, review body, inline comments (body and quote),
 * replies, and the echoes of refused forms. Every page and every email that shows them must come out
 * with no executable markup (test/executable-markup.ts), and must actually show the field (so a
 * page that dropped it would not pass by accident).
 */

type Payload = { label: string; text: string };
type Rendered = { label: string; html: string };
type Scenario = {
  payload: Payload;
  pages: Rendered[];
  author: SignedInMember;
  reviewer: SignedInMember;
  other: SignedInMember;
  name: string;
  title: string;
};

const payloads = corpus as Payload[];
const { genres } = config.drafts;
const cookieOf = (member: SignedInMember) => `__Host-volley_session=${member.token}`;

/** A page as the member's browser gets it, checked for status and for the values it must show. */
async function open(label: string, member: SignedInMember | null, path: string, shows: string[], status = 200): Promise<Rendered> {
  const response = await call(path, { cookie: member ? cookieOf(member) : undefined });
  const html = await response.text();
  expect(response.status, `${label}: ${path}`).toBe(status);
  for (const value of shows) expect(html, `${label} should show ${JSON.stringify(value.slice(0, 60))}`).toContain(value);
  return { label, html };
}

/** A form post from one of our pages; answers the page (a refusal re-shows what was typed) or the redirect. */
async function submit(label: string, member: SignedInMember | null, path: string, fields: Record<string, string>, shows: string[], status: number) {
  const response = await call(path, {
    method: 'POST',
    cookie: member ? cookieOf(member) : undefined,
    rawBody: new URLSearchParams(fields).toString(),
    headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
  });
  const html = await response.text();
  expect(response.status, `${label}: POST ${path} ${html.slice(0, 300)}`).toBe(status);
  for (const value of shows) expect(html, `${label} should show ${JSON.stringify(value.slice(0, 60))}`).toContain(value);
  return { label, html };
}

async function api<T = Record<string, any>>(member: SignedInMember, path: string, body?: unknown, method?: string): Promise<T> {
  const response = await call(path, { token: member.token, body, method: method ?? 'POST' });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method ?? 'POST'} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

const longEnough = words(160, 'filler');

/** One payload in every field, walked through the whole exchange, with every page on the way. */
async function scenario(payload: Payload, index: number): Promise<Scenario> {
  const p = payload.text;
  const genre = genres[index % genres.length]!;
  const name = p.slice(0, config.member.nameMaxLength).trim();
  const title = p.slice(0, config.drafts.titleMaxLength).trim();
  const body = `${p}\n\nbodymark ${p}\n\n${words(30, 'para')}`;
  const esc = escapeHtml;
  const pages: Rendered[] = [];

  const [author, reviewer, other] = [await signIn(), await signIn(), await signIn()];
  // Author: every email as it happens. Reviewer: follows the genre (new-drafts digest). Other: daily review digest.
  await api(author, '/api/v1/me', { name, notifications: { reviews: 'each', activity: true, claims: true } }, 'PATCH');
  await api(reviewer, '/api/v1/me', { name, genres: [genre] }, 'PATCH');
  await api(other, '/api/v1/me', { name, notifications: { reviews: 'daily' } }, 'PATCH');

  // The new-draft form refused (no genre) shows back what was typed.
  pages.push(await submit('new draft, refused', author, '/drafts', { title: p, note: p, body, reviewsWanted: '1', genre: '' }, [esc(p), esc(body)], 400));

  const draft = await api<{ id: string }>(author, '/api/v1/drafts', { title: p, body, genre, reviewsWanted: 1, note: p });
  const second = await api<{ id: string }>(other, '/api/v1/drafts', { title: p, body, genre, reviewsWanted: 2, note: p });
  const d = `/drafts/${draft.id}`;

  pages.push(await open('draft page, author, no review yet', author, `${d}?posted=1`, [esc(name), esc(title), esc(p.trim()), 'bodymark']));
  pages.push(await open('queue', reviewer, `/queue?genre=${genre}`, [esc(title), esc(p.trim()), `>${esc(name)}</a>`]));
  pages.push(await open('draft page, other member', other, d, [esc(title), 'bodymark', `>${esc(name)}</a>`]));

  // The reviewer claims it through the page, reads the review page, and a too-short review is refused and shown back.
  await submit('claim', reviewer, `${d}/claim`, {}, [], 303);
  pages.push(await open('review page', reviewer, `${d}/review`, [esc(title), 'bodymark']));
  pages.push(await open('draft page, reviewer with a claim', reviewer, d, [esc(title)]));
  pages.push(await open('dashboard, reviewer with a claim', reviewer, '/dashboard', [esc(title)]));
  pages.push(await submit('review form, refused', reviewer, `${d}/reviews`, { body: p, 'inline[0]': p, 'inline[1]': p }, [esc(p)], 400));

  // Quotes are kept (the API and the data export return them) but no page or email shows them.
  const paragraphs = splitParagraphs(body);
  const review = await api<{ id: string }>(reviewer, `/api/v1${d}/reviews`, {
    body: `${p}\n\nreviewmark ${longEnough}`,
    inline: [
      { paragraph: 0, quote: paragraphs[0]!.slice(0, config.reviews.quoteMaxLength), body: `inlinemark ${p}` },
      { paragraph: 1, quote: '', body: p },
    ],
  });
  await api(reviewer, `/api/v1/drafts/${second.id}/reviews`, { body: `${p}\n\nreviewmark ${longEnough}`, inline: [{ paragraph: 0, body: `inlinemark ${p}` }] });
  pages.push(await open('draft page, reviewer after sending', reviewer, `${d}?sent=1`, [esc(title), 'reviewmark', 'inlinemark']));
  pages.push(await open('draft page, author with a review', author, d, [esc(title), 'reviewmark', 'inlinemark', esc(name)]));

  await api(author, `/api/v1/reviews/${review.id}/rating`, { helpful: true });
  await api(author, `/api/v1/reviews/${review.id}/replies`, { body: `${p}\n\nreplymark` });
  await api(reviewer, `/api/v1/reviews/${review.id}/replies`, { body: `replymark ${p}` });
  pages.push(await open('draft page, author with replies', author, `${d}?replied=1`, ['replymark', esc(name)]));
  pages.push(await open('draft page, reviewer with replies', reviewer, d, ['replymark', 'reviewmark']));
  const tooLong = `${p} ${'x'.repeat(config.reviews.replyMaxLength)}`;
  pages.push(await submit('reply, refused', author, `/reviews/${review.id}/replies`, { body: tooLong }, [esc(p)], 400));

  // The author claims the other draft and never finishes it (claim emails, later).
  await api(author, `/api/v1/drafts/${second.id}/claims`);
  pages.push(await open('review page, author of another draft', author, `/drafts/${second.id}/review`, [esc(title), 'bodymark']));
  pages.push(await open('draft page, member with a claim', author, `/drafts/${second.id}`, [esc(title)]));

  pages.push(await open('dashboard, author', author, '/dashboard', [esc(title), `Welcome, ${esc(name)}`]));
  pages.push(await open('your drafts', author, '/drafts', [esc(title)]));
  pages.push(await open('credits, author', author, '/credits', [esc(title)]));
  pages.push(await open('settings', author, '/settings', [`value="${esc(name)}"`]));
  pages.push(await open('delete account', author, '/settings/delete', [esc(name)]));
  pages.push(await submit('settings, refused', author, '/settings', { name: `${p}${'x'.repeat(config.member.nameMaxLength)}`, reviews: 'each' }, [esc(name)], 400));
  pages.push(await open('dashboard, reviewer', reviewer, '/dashboard', [esc(title)]));
  pages.push(await open('credits, reviewer', reviewer, '/credits', [esc(title)]));
  pages.push(await open('dashboard, other', other, '/dashboard', [esc(title)]));
  pages.push(await submit('sign-in form, refused', null, '/auth/sign-in', { email: p }, [`value="${esc(p)}"`], 400));

  return { payload, pages, author, reviewer, other, name, title };
}

/** Runs `work` over `items`, `width` at a time, keeping their order. */
async function inPool<T, R>(items: T[], width: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      try {
        results[i] = await work(items[i]!, i);
      } catch (error) {
        throw new Error(`payload “${(items[i] as Payload).label}”: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: width }, lane));
  return results;
}

let scenarios: Scenario[] = [];
beforeAll(async () => {
  // The app logs a line per request; 2,800 of them would bury any failure.
  const quiet = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    scenarios = await inPool(payloads, 4, scenario);
  } finally {
    quiet.mockRestore();
  }
}, 600_000);

describe('the checker', () => {
  it('finds what it is meant to find, and passes a plain page', () => {
    const page = (content: string) =>
      `<!DOCTYPE html><html><head><meta charset="utf-8"><script src="/assets/app.js" nonce="abc" defer></script></head><body>${content}</body></html>`;
    expect(executableMarkup(page('<p>Hello &lt;script&gt;</p><a href="/queue">q</a>'), 'page')).toEqual([]);
    for (const bad of [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<p title="x" onmouseover="alert(1)">',
      '<a href="javascript:alert(1)">x</a>',
      '<a href=" JaVaScRiPt:alert(1)">x</a>',
      '<a href="java&#x73;cript:alert(1)">x</a>',
      '<a href="java\tscript:alert(1)">x</a>',
      '<a href="data:text/html,x">x</a>',
      '<a href="vbscript:x">x</a>',
      '<iframe src="/x">',
      '<svg>',
      '<style>',
      '<object>',
      '<embed>',
      '<p style="color:red">',
      '<meta http-equiv="refresh" content="0">',
      '<form action="javascript:alert(1)">',
    ]) {
      expect(executableMarkup(page(bad), 'page'), bad).not.toEqual([]);
    }
    expect(executableMarkup('<html><body><p style="color:#333">x</p></body></html>', 'email')).toEqual([]);
    expect(executableMarkup('<html><body><p style="background:url(javascript:alert(1))">x</p></body></html>', 'email')).not.toEqual([]);
  });
});

describe('pages', () => {
  it.each(payloads.map((p, i) => [p.label, i] as const))('%s: no executable markup on any page that shows it', (_, i) => {
    const { pages } = scenarios[i]!;
    expect(pages).toHaveLength(25);
    for (const page of pages) expect(executableMarkup(page.html, 'page'), page.label).toEqual([]);
  });
});

type OutboxRow = { kind: string; to_address: string; subject: string; html_body: string };

describe('emails', () => {
  beforeAll(async () => {
    // One cron run writes at most 50 digests of each kind, so each step runs until the corpus's 60 are out:
    // digests now, claim reminders 37 h on (11 h before the claims end)…
    const hour = 3_600_000;
    const base = Date.now();
    for (const at of [base + 60_000, base + 120_000, base + 37 * hour, base + 37 * hour + 60_000]) await runCron(at);
    // …and the expiry notices: one run at the last claim's end writes all of them, page after page.
    const [last] = await rows<{ at: number }>(`SELECT max(expires_at) AS at FROM claims WHERE status = 'active'`);
    await runCron(last!.at);
  }, 300_000);

  const expected: Record<'author' | 'reviewer' | 'other', string[]> = {
    author: ['claim_expired', 'claim_expiring', 'draft_complete', 'reply_received', 'review_received'],
    reviewer: ['drafts_digest', 'reply_received', 'review_rated'],
    other: ['reviews_digest'],
  };

  it.each(payloads.map((p, i) => [p.label, i] as const))('%s: no executable markup in any email', async (_, i) => {
    const s = scenarios[i]!;
    for (const role of ['author', 'reviewer', 'other'] as const) {
      const member = s[role];
      const emails = await rows<OutboxRow>(`SELECT kind, to_address, subject, html_body FROM email_outbox WHERE to_address = ? AND kind <> 'sign_in'`, member.email);
      expect([...new Set(emails.map((e) => e.kind))].sort(), role).toEqual(expected[role]);
      for (const email of emails) {
        const label = `${role}: ${email.kind}`;
        expect(executableMarkup(email.html_body, 'email'), label).toEqual([]);
        expect(email.html_body, label).toContain(`Hi ${escapeHtml(s.name)},`);
        expect(email.html_body, label).toContain(escapeHtml(s.title));
      }
    }
  });

  it('the dev mailbox page shows every delivered email as text, with no executable markup', async () => {
    const response = await call('/dev/mailbox');
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(executableMarkup(html, 'page')).toEqual([]);
    const [{ n } = { n: 0 }] = await rows<{ n: number }>(`SELECT count(*) AS n FROM dev_mailbox WHERE subject LIKE '%script%'`);
    expect(n).toBeGreaterThan(0);
    expect(html).toContain(escapeHtml(payloads[0]!.text));
  });

  it('the admin outbox page has no executable markup', async () => {
    const admin = await signIn('admin@volley.test');
    const response = await call('/admin/email', { cookie: cookieOf(admin) });
    expect(response.status).toBe(200);
    expect(executableMarkup(await response.text(), 'page')).toEqual([]);
  });
});
