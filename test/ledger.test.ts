import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { config, pricePerReview } from '../src/config';
import {
  balance,
  call,
  count,
  expectErrorShape,
  expectLedgerInvariants,
  grantCredits,
  json,
  postDraft,
  postDraftOk,
  reviewOf,
  rows,
  signIn,
  words,
  type SignedInMember,
} from './helpers';

type Entry = {
  id: string;
  createdAt: string;
  reason: string;
  amount: number;
  balanceAfter: number;
  description: string;
  draft: { id: string; title: string } | null;
  reviewId: string | null;
  claimId: string | null;
};
type LedgerPage = { balance: number; items: Entry[]; nextCursor: string | null };

const welcome = config.credits.welcomeGrant;

async function ledgerPage(member: SignedInMember, cursor?: string): Promise<LedgerPage> {
  const response = await call(`/api/v1/me/ledger${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, { token: member.token });
  expect(response.status).toBe(200);
  return json<LedgerPage>(response);
}

async function wholeLedger(member: SignedInMember) {
  const items: Entry[] = [];
  const pageSizes: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await ledgerPage(member, cursor);
    items.push(...page.items);
    pageSizes.push(page.items.length);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { items, pageSizes };
}

/** Newest first: each entry's balance is the one after it plus its own amount, down to zero before the first. */
function expectRunningBalance(items: Entry[]) {
  items.forEach((entry, i) => {
    const before = items[i + 1]?.balanceAfter ?? 0;
    expect(entry.balanceAfter, `entry ${i} (${entry.reason})`).toBe(before + entry.amount);
    expect(entry.balanceAfter).toBeGreaterThanOrEqual(0);
  });
}

async function credits(member: SignedInMember) {
  return (await json<{ credits: number }>(await call('/api/v1/me', { token: member.token }))).credits;
}

describe('the member’s ledger', () => {
  it('lists every entry newest first, each with what, which draft or review, and the balance after it', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const mine = await postDraftOk(author, { title: 'My story', reviewsWanted: 2 });
    const theirs = await postDraftOk(reviewer, { title: 'Their poem' });
    const reviewResponse = await call(`/api/v1/drafts/${theirs.id}/reviews`, { token: author.token, body: reviewOf() });
    const review = await json<{ id: string }>(reviewResponse);
    expect((await call(`/api/v1/reviews/${review.id}/rating`, { token: reviewer.token, body: { helpful: true } })).status).toBe(200);
    expect((await call(`/api/v1/drafts/${mine.id}/withdraw`, { method: 'POST', token: author.token })).status).toBe(200);

    const page = await ledgerPage(author);
    expect(page.items.map((e) => [e.reason, e.amount])).toEqual([
      ['refund', 2 * mine.pricePerReview],
      ['helpful_bonus', config.credits.helpfulBonus],
      ['review_paid', theirs.pricePerReview],
      ['post_draft', -2 * mine.pricePerReview],
      ['welcome', welcome],
    ]);
    expectRunningBalance(page.items);
    expect(page.items[0]!.balanceAfter).toBe(page.balance);
    expect(page.balance).toBe(await balance(author.member.id));
    expect(page.nextCursor).toBeNull();

    const [refund, bonus, paid, posted, granted] = page.items;
    expect(refund).toMatchObject({ draft: { id: mine.id, title: 'My story' }, description: expect.stringContaining('My story') });
    expect(bonus).toMatchObject({ reviewId: review.id, draft: { id: theirs.id, title: 'Their poem' } });
    expect(paid).toMatchObject({ reviewId: review.id, draft: { id: theirs.id }, description: expect.stringContaining('Their poem') });
    expect(posted).toMatchObject({ draft: { id: mine.id }, reviewId: null });
    expect(granted).toMatchObject({ draft: null, description: expect.any(String) });
    const times = page.items.map((e) => Date.parse(e.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    // The other side of the same review: paid out of the draft's escrow, not shown as the reviewer's.
    const theirLedger = await ledgerPage(reviewer);
    expect(theirLedger.items.map((e) => e.reason)).toEqual(['post_draft', 'welcome']);
  });

  it(`grants the welcome ${welcome} credits once, even after signing in again`, async () => {
    const first = await signIn();
    const again = await signIn(first.email);
    expect(again.member.id).toBe(first.member.id);
    const page = await ledgerPage(again);
    expect(page.items.map((e) => [e.reason, e.amount])).toEqual([['welcome', welcome]]);
    expect(await count('transfers', "reason = 'welcome' AND to_account = ?", first.member.id)).toBe(1);
    expect(await credits(again)).toBe(welcome);
  });

  it('/me credits equals the sum of the member’s ledger entries', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const draft = await postDraftOk(author, { reviewsWanted: 2 });
    await call(`/api/v1/drafts/${draft.id}/reviews`, { token: reviewer.token, body: reviewOf() });
    for (const member of [author, reviewer]) {
      const { items } = await wholeLedger(member);
      expect(await credits(member)).toBe(items.reduce((sum, e) => sum + e.amount, 0));
    }
    expect(await credits(author)).toBe(welcome - 2 * draft.pricePerReview);
    expect(await credits(reviewer)).toBe(welcome + draft.pricePerReview);
  });

  it('pages by cursor, newest first, with neither duplicates nor gaps and the running balance across pages', async () => {
    const member = await signIn();
    await grantCredits(member.member.id, config.pagination.pageSize);
    for (let i = 0; i < config.pagination.pageSize; i++) await postDraftOk(member, { title: `Piece ${i}` });
    const total = config.pagination.pageSize + 2; // welcome, grant, one post per draft.

    const { items, pageSizes } = await wholeLedger(member);
    expect(pageSizes).toEqual([config.pagination.pageSize, 2]);
    expect(items).toHaveLength(total);
    expect(new Set(items.map((e) => e.id)).size).toBe(total);
    expectRunningBalance(items);
    expect(items.at(-1)?.reason).toBe('welcome');
    expect(items[0]!.balanceAfter).toBe(await balance(member.member.id));
  });

  it('is 400 for a bad cursor, 401 for anonymous', async () => {
    const member = await signIn();
    await expectErrorShape(await call('/api/v1/me/ledger?cursor=nope', { token: member.token }), 400, 'invalid_cursor');
    await expectErrorShape(await call('/api/v1/me/ledger'), 401, 'unauthorized');
  });

  it('every transfer has a reason and a unique reason key', async () => {
    const [row] = await rows<{ keys: number; distinctKeys: number; noReason: number }>(
      `SELECT count(*) AS keys, count(DISTINCT reason_key) AS distinctKeys,
        sum(reason NOT IN ('welcome','post_draft','review_paid','helpful_bonus','refund','adjustment')) AS noReason FROM transfers`,
    );
    expect(row!.keys).toBeGreaterThan(0);
    expect(row!.distinctKeys).toBe(row!.keys);
    expect(row!.noReason).toBe(0);
  });
});

describe('the ledger’s own guarantees', () => {
  it('is append-only: a direct UPDATE or DELETE of a transfer fails and changes nothing', async () => {
    const member = await signIn();
    const [entry] = await rows<{ id: string; amount: number }>('SELECT id, amount FROM transfers WHERE to_account = ?', member.member.id);
    await expect(env.DB.prepare('UPDATE transfers SET amount = 1000 WHERE id = ?').bind(entry!.id).run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare("UPDATE transfers SET to_account = 'mint' WHERE id = ?").bind(entry!.id).run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare('DELETE FROM transfers WHERE id = ?').bind(entry!.id).run()).rejects.toThrow(/append-only/);
    const [after] = await rows<{ amount: number }>('SELECT amount FROM transfers WHERE id = ?', entry!.id);
    expect(after?.amount).toBe(entry!.amount);
    expect(await balance(member.member.id)).toBe(welcome);
  });

  it('refuses a transfer of zero or less, or to the same account', async () => {
    const member = await signIn();
    const insert = (from: string, to: string, amount: number) =>
      env.DB.prepare(
        `INSERT INTO transfers (id, from_account, to_account, amount, reason, reason_key, created_at) VALUES (?, ?, ?, ?, 'adjustment', ?, 0)`,
      )
        .bind(crypto.randomUUID(), from, to, amount, `test:${crypto.randomUUID()}`)
        .run();
    await expect(insert('mint', member.member.id, 0)).rejects.toThrow(/CHECK/);
    await expect(insert('mint', member.member.id, -1)).rejects.toThrow(/CHECK/);
    await expect(insert(member.member.id, member.member.id, 1)).rejects.toThrow(/CHECK/);
    expect(await balance(member.member.id)).toBe(welcome);
  });

  it('a transfer that would overdraw aborts its whole batch (the CHECK), not just itself', async () => {
    const member = await signIn();
    const escrowId = `test-escrow-${crypto.randomUUID()}`;
    await expect(
      env.DB.batch([
        env.DB.prepare("INSERT INTO accounts (id, kind) VALUES (?, 'escrow')").bind(escrowId),
        env.DB.prepare(
          `INSERT INTO transfers (id, from_account, to_account, amount, reason, reason_key, created_at) VALUES (?, ?, ?, ?, 'post_draft', ?, 0)`,
        ).bind(crypto.randomUUID(), member.member.id, escrowId, welcome + 1, `test:${escrowId}`),
      ]),
    ).rejects.toThrow(/accounts_no_overdraft/);
    expect(await count('accounts', 'id = ?', escrowId)).toBe(0);
    expect(await count('transfers', 'to_account = ?', escrowId)).toBe(0);
    expect(await balance(member.member.id)).toBe(welcome);
  });

  it('through HTTP, posts racing for the same credits: one is paid for, the others are 402 and leave no draft', async () => {
    const member = await signIn();
    const length = config.drafts.priceBands[0]!.maxWords + 1;
    const cost = pricePerReview(length);
    const attempts = Math.floor(welcome / cost) + 2;
    const responses = await Promise.all(
      Array.from({ length: attempts }, (_, i) => postDraft(member, { title: `Race ${i}`, body: words(length) })),
    );
    const statuses = responses.map((r) => r.status);
    const accepted = statuses.filter((s) => s === 201).length;
    expect(accepted).toBe(Math.floor(welcome / cost));
    expect(statuses.filter((s) => s === 402)).toHaveLength(attempts - accepted);
    for (const refused of responses.filter((r) => r.status === 402)) await expectErrorShape(refused, 402, 'insufficient_credits');
    expect(await count('drafts', 'author_id = ?', member.member.id)).toBe(accepted);
    expect(await balance(member.member.id)).toBe(welcome - accepted * cost);
    await expectLedgerInvariants();
  });
});
