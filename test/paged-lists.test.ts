import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { config } from '../src/config';
import { adminOutboxQueries } from '../src/admin/outbox-queue';
import { reviewsWrittenQuery } from '../src/reviews/written-reviews';
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core';
import type { SQL } from 'drizzle-orm';
import { call, grantCredits, postDraftOk, reviewOf, signIn, type SignedInMember } from './helpers';

const pageSize = config.pagination.pageSize;
const dialect = new SQLiteAsyncDialect();

const open = async (path: string, member: SignedInMember) => {
  const response = await call(path, { cookie: `__Host-volley_session=${member.token}` });
  expect(response.status, path).toBe(200);
  return response.text();
};

/** The href of the link with this text, entities decoded. */
const linkTo = (html: string, text: string) => html.match(new RegExp(`<a href="([^"]+)"[^>]*>${text}</a>`))?.[1]?.replace(/&amp;/g, '&') ?? null;

/** SQLite's plan for a query, one line per step. */
async function planOf(query: SQL) {
  const { sql, params } = dialect.sqlToQuery(query);
  const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>();
  return results.map((r) => r.detail);
}

const expectIndexed = (plan: string[], index: string) => {
  expect(plan.join('\n')).toContain(`USING INDEX ${index}`);
  expect(plan.join('\n')).not.toMatch(/\bSCAN\b/);
};

describe('reviews you wrote, on the dashboard', () => {
  it('come a page at a time, newest first, with a link to older ones and back', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    await grantCredits(author.member.id, 100 * pageSize);
    const titles: string[] = [];
    for (let i = 0; i <= pageSize; i++) {
      const draft = await postDraftOk(author, { title: `Paged draft ${i}`, reviewsWanted: 1 });
      const reviewed = await call(`/api/v1/drafts/${draft.id}/reviews`, { token: reviewer.token, body: reviewOf(), now: Date.now() + i * 1000 });
      expect(reviewed.status).toBe(201);
      titles.push(`Paged draft ${i}`);
    }
    const written = (html: string) => [...html.slice(html.indexOf('id="written-heading"')).matchAll(/class="item-title"[^>]*>([^<]+)</g)].map((m) => m[1]);

    const first = await open('/dashboard', reviewer);
    expect(written(first)).toEqual(titles.slice(1).reverse());
    const older = linkTo(first, 'Older reviews');
    expect(older).toMatch(/^\/dashboard\?reviews=[\w-]+#written-heading$/);

    const second = await open(older!, reviewer);
    expect(written(second)).toEqual([titles[0]]);
    expect(linkTo(second, 'Older reviews')).toBeNull();
    expect(linkTo(second, 'Newest reviews')).toBe('/dashboard#written-heading');

    const bad = await call('/dashboard?reviews=not-a-cursor', { cookie: `__Host-volley_session=${reviewer.token}` });
    expect(bad.status).toBe(400);
  });

  it('read through the reviewer index, not a scan', async () => {
    expectIndexed(await planOf(reviewsWrittenQuery('someone', null)), 'reviews_reviewer');
    expectIndexed(await planOf(reviewsWrittenQuery('someone', [Date.now(), 'abc'])), 'reviews_reviewer');
  });
});

describe('the admin outbox', () => {
  it('lists what needs attention a page at a time, dead first, each row once', async () => {
    const admin = await signIn('admin@volley.test');
    const now = Date.now();
    const insert = env.DB.prepare(
      `INSERT INTO email_outbox (id, kind, to_address, subject, text_body, html_body, status, attempts, next_attempt_at, created_at)
       VALUES (?, 'sign_in', ?, 's', 't', 'h', ?, 1, ?, ?)`,
    );
    const made: string[] = [];
    const statuses = ['dead', 'pending', 'sent'] as const;
    await env.DB.batch(
      Array.from({ length: 2 * pageSize + 3 }, (_, i) => {
        const status = statuses[i % 3]!;
        const to = `paged-${i}@example.com`;
        if (status !== 'sent') made.push(to);
        return insert.bind(`outbox-paged-${String(i).padStart(3, '0')}`, to, status, now + i, now);
      }),
    );

    const seen: string[] = [];
    let path: string | null = '/admin/email';
    let pages = 0;
    while (path) {
      const html = await open(path, admin);
      seen.push(...[...html.matchAll(/<td>(paged-\d+@example\.com)<\/td>/g)].map((m) => m[1]!));
      expect([...html.matchAll(/<tr>/g)].length - 1).toBeLessThanOrEqual(pageSize);
      path = linkTo(html, 'More');
      pages++;
    }
    expect(pages).toBeGreaterThan(1);
    expect(seen.sort()).toEqual(made.sort());
  });

  it('reads each page through the due index, not a scan', async () => {
    for (const query of [...adminOutboxQueries(undefined), ...adminOutboxQueries(['pending', Date.now(), 'abc'])]) {
      expectIndexed(await planOf(query), 'email_outbox_due');
    }
  });
});
