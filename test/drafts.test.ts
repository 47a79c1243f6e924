import { describe, expect, it } from 'vitest';
import { config, pricePerReview } from '../src/config';
import {
  balance,
  call,
  cookieOf,
  count,
  draftBody,
  expectErrorShape,
  expectLedgerInvariants,
  grantCredits,
  json,
  ORIGIN,
  postDraft,
  postDraftOk,
  reviewOf,
  rows,
  runCron,
  signIn,
  words,
  type SignedInMember,
} from './helpers';

const welcome = config.credits.welcomeGrant;
/** A moment at which a claim taken at `from` has lapsed. */
const lapsedAfter = (from: number) => from + config.claims.lifetimeMs + 1000;

type DraftView = {
  id: string;
  title: string;
  status: string;
  pricePerReview: number;
  reviewsWanted: number;
  reviewsReceived: number;
  wordCount: number;
  paragraphCount: number;
  isMine: boolean;
  escrow?: number;
  slots?: { reviewed: number; claimed: number; free: number };
};
type Transfer = { from_account: string; to_account: string; amount: number; reason: string; reason_key: string; draft_id: string | null };

// With an Origin, as a browser would send it: an anonymous bodiless POST without one is refused by CSRF first.
const withdraw = (member: SignedInMember | null, draftId: string, now?: number) =>
  call(`/api/v1/drafts/${draftId}/withdraw`, { method: 'POST', token: member?.token, now, headers: { origin: ORIGIN } });

async function claim(reviewer: SignedInMember, draftId: string, now?: number) {
  const response = await call(`/api/v1/drafts/${draftId}/claims`, { method: 'POST', token: reviewer.token, now });
  expect(response.status).toBe(201);
  return json<{ id: string; expiresAt: string }>(response);
}

const transfersOf = (draftId: string) =>
  rows<Transfer>('SELECT * FROM transfers WHERE draft_id = ? ORDER BY seq', draftId);

const escrowOf = (draftId: string) => balance(draftId);

/** Every draft-posting side effect a refused request must not have had. */
async function expectNothingPosted(member: SignedInMember) {
  expect(await count('drafts', 'author_id = ?', member.member.id)).toBe(0);
  expect(await count('transfers', 'from_account = ?', member.member.id)).toBe(0);
  expect(await balance(member.member.id)).toBe(welcome);
}

describe('posting a draft', () => {
  it('answers 201 with the draft (id first) and moves price × reviewsWanted from the member into the draft’s escrow', async () => {
    const author = await signIn();
    const response = await postDraft(author, { title: '  The Lighthouse  ', reviewsWanted: 2, note: 'Is the ending earned?' });
    expect(response.status).toBe(201);
    const draft = await json<DraftView & Record<string, unknown>>(response);
    expect(Object.keys(draft)[0]).toBe('id');
    const price = pricePerReview(120);
    expect(draft).toMatchObject({
      title: 'The Lighthouse',
      genre: 'fiction',
      note: 'Is the ending earned?',
      wordCount: 120,
      paragraphCount: 3,
      pricePerReview: price,
      reviewsWanted: 2,
      reviewsReceived: 0,
      status: 'open',
      isMine: true,
      escrow: price * 2,
      slots: { reviewed: 0, claimed: 0, free: 2 },
      author: { id: author.member.id },
    });

    expect(await balance(author.member.id)).toBe(welcome - price * 2);
    expect(await escrowOf(draft.id)).toBe(price * 2);
    const [escrowAccount] = await rows<{ kind: string }>('SELECT kind FROM accounts WHERE id = ?', draft.id);
    expect(escrowAccount?.kind).toBe('escrow');
    expect(await transfersOf(draft.id)).toEqual([
      expect.objectContaining({
        from_account: author.member.id,
        to_account: draft.id,
        amount: price * 2,
        reason: 'post_draft',
        reason_key: `post_draft:${draft.id}`,
      }),
    ]);
    await expectLedgerInvariants();
  });

  const bands = config.drafts.priceBands;
  const boundaries = bands.flatMap((band, i) => [
    ...(i > 0 ? [{ words: bands[i - 1]!.maxWords + 1, price: band.price }] : [{ words: 1, price: band.price }]),
    { words: band.maxWords, price: band.price },
  ]);

  it.each(boundaries)('prices a $words-word draft at $price credits per review', async ({ words: wordCount, price }) => {
    expect(pricePerReview(wordCount)).toBe(price);
    const author = await signIn();
    const draft = await postDraftOk(author, { body: words(wordCount), reviewsWanted: 1 });
    expect(draft.pricePerReview).toBe(price);
    expect(draft.wordCount).toBe(wordCount);
    expect(await balance(author.member.id)).toBe(welcome - price);
    expect(await escrowOf(draft.id)).toBe(price);
  });

  it('uses the bands 1 / 2 / 3 credits split at 3,000 and 6,000 words', () => {
    expect([3_000, 3_001, 6_000, 6_001, 10_000].map(pricePerReview)).toEqual([1, 2, 2, 3, 3]);
  });
});

describe('a draft that fails validation', () => {
  const long = config.drafts.titleMaxLength + 1;
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['a missing title', { title: undefined }, 'title'],
    ['an empty title', { title: '' }, 'title'],
    ['a blank title', { title: '   ' }, 'title'],
    [`a title over ${config.drafts.titleMaxLength} characters`, { title: 't'.repeat(long) }, 'title'],
    ['a missing body', { body: undefined }, 'body'],
    ['an empty body', { body: '' }, 'body'],
    ['a body with no words', { body: '— … —\n\n* * *' }, 'body'],
    [`a body over ${config.drafts.maxWords} words`, { body: words(config.drafts.maxWords + 1) }, 'body'],
    ['an unknown genre', { genre: 'cookbook' }, 'genre'],
    ['a missing genre', { genre: undefined }, 'genre'],
    ['reviewsWanted 0', { reviewsWanted: config.drafts.minReviewsWanted - 1 }, 'reviewsWanted'],
    ['reviewsWanted 6', { reviewsWanted: config.drafts.maxReviewsWanted + 1 }, 'reviewsWanted'],
    ['reviewsWanted 2.5', { reviewsWanted: 2.5 }, 'reviewsWanted'],
    ['reviewsWanted "2" (a string)', { reviewsWanted: '2' }, 'reviewsWanted'],
    ['an unknown field', { price: 0 }, 'price'],
    [`a note over ${config.drafts.noteMaxLength} characters`, { note: 'n'.repeat(config.drafts.noteMaxLength + 1) }, 'note'],
  ];

  it.each(cases)('is 400 validation_failed naming the field for %s, and writes nothing', async (_, input, field) => {
    const author = await signIn();
    const body = { title: 'A draft', body: draftBody(), genre: 'fiction', reviewsWanted: 1, ...input };
    const error = await expectErrorShape(await call('/api/v1/drafts', { token: author.token, body }), 400, 'validation_failed');
    expect(error.fields).toHaveProperty([field]);
    expect(typeof error.fields![field]).toBe('string');
    await expectNothingPosted(author);
  });

  it('is 400 for a body that is not JSON, and writes nothing', async () => {
    const author = await signIn();
    const response = await call('/api/v1/drafts', {
      token: author.token,
      rawBody: '{"title": "A draft",',
      headers: { 'content-type': 'application/json' },
    });
    await expectErrorShape(response, 400);
    await expectNothingPosted(author);
  });

  it('needs a signed-in member: anonymous is 401', async () => {
    const response = await call('/api/v1/drafts', { body: { title: 'A', body: 'b', genre: 'fiction', reviewsWanted: 1 } });
    await expectErrorShape(response, 401, 'unauthorized');
  });
});

describe('a draft the member cannot pay for', () => {
  it('is 402 insufficient_credits with the shortfall, and writes nothing', async () => {
    const author = await signIn();
    const price = pricePerReview(120);
    const wanted = Math.floor(welcome / price) + 1;
    const error = await expectErrorShape(await postDraft(author, { reviewsWanted: wanted }), 402, 'insufficient_credits');
    const shortfall = price * wanted - welcome;
    expect(error.fields).toEqual({ credits: `${shortfall} more needed` });
    expect(error.message).toContain(`costs ${price * wanted} credits and you have ${welcome}`);
    await expectNothingPosted(author);
  });

  it('counts the length band in the shortfall (a long draft costs more per review)', async () => {
    const author = await signIn();
    const length = config.drafts.priceBands[1]!.maxWords + 1;
    const price = pricePerReview(length);
    const error = await expectErrorShape(await postDraft(author, { body: words(length), reviewsWanted: 2 }), 402, 'insufficient_credits');
    expect(error.fields).toEqual({ credits: `${price * 2 - welcome} more needed` });
    await expectNothingPosted(author);
  });
});

describe('listing and reading drafts', () => {
  it('GET /drafts lists only my own drafts, newest first', async () => {
    const author = await signIn();
    const other = await signIn();
    const first = await postDraftOk(author, { title: 'First' });
    const second = await postDraftOk(author, { title: 'Second' });
    await postDraftOk(other, { title: 'Not mine' });
    const response = await call('/api/v1/drafts?mine=1', { token: author.token });
    expect(response.status).toBe(200);
    const page = await json<{ items: DraftView[]; nextCursor: string | null }>(response);
    expect(page.items.map((d) => d.id)).toEqual([second.id, first.id]);
    expect(page.items.every((d) => d.isMine && d.escrow !== undefined)).toBe(true);
    expect(page.nextCursor).toBeNull();
    const withoutMine = await json<{ items: DraftView[] }>(await call('/api/v1/drafts', { token: author.token }));
    expect(withoutMine.items.map((d) => d.id)).toEqual([second.id, first.id]);
  });

  it('GET /drafts pages by cursor with neither duplicates nor gaps', async () => {
    const author = await signIn();
    const total = config.pagination.pageSize + 3;
    await grantCredits(author.member.id, total);
    const posted: string[] = [];
    for (let i = 0; i < total; i++) posted.push((await postDraftOk(author, { title: `Part ${i}` })).id);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?mine=1&cursor=${encodeURIComponent(cursor)}` : '?mine=1';
      const page = await json<{ items: DraftView[]; nextCursor: string | null }>(await call(`/api/v1/drafts${query}`, { token: author.token }));
      expect(page.items.length).toBeLessThanOrEqual(config.pagination.pageSize);
      seen.push(...page.items.map((d) => d.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(2);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...posted].reverse());
  });

  it.each([['garbage'], ['WzEsMl0'], [btoa('[1]')]])('GET /drafts with the bad cursor %s is 400', async (cursor) => {
    const author = await signIn();
    const error = await expectErrorShape(await call(`/api/v1/drafts?cursor=${cursor}`, { token: author.token }), 400, 'invalid_cursor');
    expect(error.fields).toHaveProperty('cursor');
  });

  it('GET /drafts with an unknown query field or mine=0 is 400', async () => {
    const author = await signIn();
    await expectErrorShape(await call('/api/v1/drafts?mine=0', { token: author.token }), 400, 'validation_failed');
    await expectErrorShape(await call('/api/v1/drafts?sort=new', { token: author.token }), 400, 'validation_failed');
  });

  it('GET /drafts and GET /drafts/:id are for members only (401)', async () => {
    const author = await signIn();
    const draft = await postDraftOk(author);
    await expectErrorShape(await call('/api/v1/drafts?mine=1'), 401, 'unauthorized');
    await expectErrorShape(await call(`/api/v1/drafts/${draft.id}`), 401, 'unauthorized');
  });

  it('GET /drafts/:id shows the author the escrow and slots, and another member neither', async () => {
    const author = await signIn();
    const reader = await signIn();
    const draft = await postDraftOk(author, { reviewsWanted: 2 });
    await claim(reader, draft.id);

    const mine = await json<DraftView>(await call(`/api/v1/drafts/${draft.id}`, { token: author.token }));
    expect(mine).toMatchObject({ id: draft.id, isMine: true, escrow: 2 * draft.pricePerReview, slots: { reviewed: 0, claimed: 1, free: 1 } });

    const response = await call(`/api/v1/drafts/${draft.id}`, { token: reader.token });
    expect(response.status).toBe(200);
    const theirs = await json<DraftView & Record<string, unknown>>(response);
    expect(theirs).toMatchObject({ id: draft.id, isMine: false, reviewsWanted: 2, reviewsReceived: 0 });
    expect(theirs).not.toHaveProperty('escrow');
    expect(theirs).not.toHaveProperty('slots');
  });

  it('GET /drafts/:id of a withdrawn draft is 404 to others and still shown to its author', async () => {
    const author = await signIn();
    const other = await signIn();
    const draft = await postDraftOk(author);
    expect((await withdraw(author, draft.id)).status).toBe(200);
    await expectErrorShape(await call(`/api/v1/drafts/${draft.id}`, { token: other.token }), 404, 'not_found');
    const own = await json<DraftView>(await call(`/api/v1/drafts/${draft.id}`, { token: author.token }));
    expect(own.status).toBe('withdrawn');
  });

  it('a withdrawn draft stays visible to the reviewers it concerns: one with a live claim, one whose review it holds', async () => {
    const author = await signIn();
    const [holder, reviewer, stranger] = [await signIn(), await signIn(), await signIn()];
    const draft = await postDraftOk(author, { reviewsWanted: 2 });
    expect((await call(`/api/v1/drafts/${draft.id}/reviews`, { token: reviewer.token, body: reviewOf() })).status).toBe(201);
    expect((await call(`/api/v1/drafts/${draft.id}/claims`, { method: 'POST', token: holder.token })).status).toBe(201);
    expect((await withdraw(author, draft.id)).status).toBe(200);
    for (const member of [holder, reviewer]) {
      const api = await call(`/api/v1/drafts/${draft.id}`, { token: member.token });
      expect(api.status).toBe(200);
      expect((await json<DraftView>(api)).status).toBe('withdrawn');
      expect((await call(`/drafts/${draft.id}`, { cookie: cookieOf(member) })).status).toBe(200);
    }
    await expectErrorShape(await call(`/api/v1/drafts/${draft.id}`, { token: stranger.token }), 404, 'not_found');
    expect((await call(`/drafts/${draft.id}`, { cookie: cookieOf(stranger) })).status).toBe(404);
    await expectErrorShape(await call(`/api/v1/drafts/${draft.id}/reviews`, { token: stranger.token }), 404, 'not_found');
  });

  it('GET /drafts/:id of an unknown id is 404', async () => {
    const member = await signIn();
    await expectErrorShape(await call('/api/v1/drafts/nosuchdraft', { token: member.token }), 404, 'not_found');
  });
});

describe('withdrawing a draft', () => {
  it('ends it and refunds every slot neither claimed nor reviewed', async () => {
    const author = await signIn();
    const reader = await signIn();
    const draft = await postDraftOk(author, { reviewsWanted: 3 });
    expect(await balance(author.member.id)).toBe(welcome - 3 * draft.pricePerReview);

    const response = await withdraw(author, draft.id);
    expect(response.status).toBe(200);
    expect(await json<DraftView>(response)).toMatchObject({ id: draft.id, status: 'withdrawn', escrow: 0, slots: { free: 0 } });
    expect(await balance(author.member.id)).toBe(welcome);
    expect(await escrowOf(draft.id)).toBe(0);
    const refunds = (await transfersOf(draft.id)).filter((t) => t.reason === 'refund');
    expect(refunds).toEqual([
      expect.objectContaining({ from_account: draft.id, to_account: author.member.id, amount: 3 * draft.pricePerReview, reason_key: `refund:withdraw:${draft.id}` }),
    ]);
    // Gone from the queue and closed to claims.
    const queue = await json<{ items: { id: string }[] }>(await call('/api/v1/queue?genre=fiction', { token: reader.token }));
    expect(queue.items.map((d) => d.id)).not.toContain(draft.id);
    await expectErrorShape(await call(`/api/v1/drafts/${draft.id}/claims`, { method: 'POST', token: reader.token }), 404);
    await expectLedgerInvariants();
  });

  it('is for the author only: another member is 403, anonymous 401, an unknown draft 404, and nothing moves', async () => {
    const author = await signIn();
    const other = await signIn();
    const draft = await postDraftOk(author, { reviewsWanted: 2 });
    await expectErrorShape(await withdraw(other, draft.id), 403, 'forbidden');
    await expectErrorShape(await withdraw(null, draft.id), 401, 'unauthorized');
    await expectErrorShape(await withdraw(author, 'nosuchdraft'), 404, 'not_found');
    const [row] = await rows<{ status: string }>('SELECT status FROM drafts WHERE id = ?', draft.id);
    expect(row?.status).toBe('open');
    expect(await escrowOf(draft.id)).toBe(2 * draft.pricePerReview);
    expect(await balance(other.member.id)).toBe(welcome);
  });

  it('a second withdraw is 409 draft_not_open and refunds nothing more', async () => {
    const author = await signIn();
    const draft = await postDraftOk(author, { reviewsWanted: 2 });
    expect((await withdraw(author, draft.id)).status).toBe(200);
    await expectErrorShape(await withdraw(author, draft.id), 409, 'draft_not_open');
    expect(await balance(author.member.id)).toBe(welcome);
    expect((await transfersOf(draft.id)).filter((t) => t.reason === 'refund')).toHaveLength(1);
  });

  it('a reviewed slot is not refunded: its credit went to the reviewer', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const draft = await postDraftOk(author, { reviewsWanted: 2 });
    expect((await call(`/api/v1/drafts/${draft.id}/reviews`, { token: reviewer.token, body: reviewOf() })).status).toBe(201);
    await withdraw(author, draft.id);
    expect(await balance(author.member.id)).toBe(welcome - draft.pricePerReview);
    expect(await balance(reviewer.member.id)).toBe(welcome + draft.pricePerReview);
    expect(await escrowOf(draft.id)).toBe(0);
    await expectLedgerInvariants();
  });

  it('keeps a claimed slot’s credit in escrow, and refunds it when the claim is released', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const draft = await postDraftOk(author, { reviewsWanted: 3 });
    const held = await claim(reviewer, draft.id);
    const price = draft.pricePerReview;

    const withdrawn = await json<DraftView>(await withdraw(author, draft.id));
    expect(withdrawn).toMatchObject({ escrow: price, slots: { claimed: 1 } });
    expect(await balance(author.member.id)).toBe(welcome - price);

    const released = await call(`/api/v1/claims/${held.id}`, { method: 'DELETE', token: reviewer.token });
    expect(released.status).toBe(200);
    expect(await balance(author.member.id)).toBe(welcome);
    expect(await escrowOf(draft.id)).toBe(0);
    expect((await transfersOf(draft.id)).filter((t) => t.reason === 'refund').map((t) => t.reason_key)).toEqual([
      `refund:withdraw:${draft.id}`,
      `refund:claim:${held.id}`,
    ]);
    await expectLedgerInvariants();
  });

  it('refunds a claimed slot when the claim expires and the cron runs, once however often it runs', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const start = Date.now();
    const draft = await postDraftOk(author, { reviewsWanted: 2 });
    const held = await claim(reviewer, draft.id, start);
    await withdraw(author, draft.id, start + 1000);
    expect(await escrowOf(draft.id)).toBe(draft.pricePerReview);

    await runCron(start + 60_000);
    expect(await escrowOf(draft.id)).toBe(draft.pricePerReview);

    await runCron(lapsedAfter(start));
    await runCron(lapsedAfter(start) + 60_000);
    expect(await escrowOf(draft.id)).toBe(0);
    expect(await balance(author.member.id)).toBe(welcome);
    const [row] = await rows<{ status: string }>('SELECT status FROM claims WHERE id = ?', held.id);
    expect(row?.status).toBe('expired');
    expect((await transfersOf(draft.id)).filter((t) => t.reason_key === `refund:claim:${held.id}`)).toHaveLength(1);
    await expectLedgerInvariants();
  });

  it('pays the reviewer who submits with their claim after the withdraw, and refunds nothing for that slot', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const draft = await postDraftOk(author, { reviewsWanted: 2 });
    const held = await claim(reviewer, draft.id);
    await withdraw(author, draft.id);

    const response = await call(`/api/v1/drafts/${draft.id}/reviews`, { token: reviewer.token, body: reviewOf() });
    expect(response.status).toBe(201);
    expect(await balance(reviewer.member.id)).toBe(welcome + draft.pricePerReview);
    expect(await escrowOf(draft.id)).toBe(0);
    const [row] = await rows<{ status: string; reviews_received: number }>('SELECT status, reviews_received FROM drafts WHERE id = ?', draft.id);
    expect(row).toEqual({ status: 'withdrawn', reviews_received: 1 });
    const [claimRow] = await rows<{ status: string }>('SELECT status FROM claims WHERE id = ?', held.id);
    expect(claimRow?.status).toBe('used');

    await runCron(lapsedAfter(Date.now()));
    expect(await balance(author.member.id)).toBe(welcome - draft.pricePerReview);
    await expectLedgerInvariants();
  });

  it('refunds a claim that had already lapsed at the withdraw once, and the cron does not refund it again', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const start = Date.now();
    const draft = await postDraftOk(author, { reviewsWanted: 2 });
    const held = await claim(reviewer, draft.id, start);

    // The claim has lapsed but the cron has not marked it yet: its slot is free, so the withdraw refunds it.
    const at = lapsedAfter(start);
    const withdrawn = await json<DraftView>(await withdraw(author, draft.id, at));
    expect(withdrawn.escrow).toBe(0);
    expect(await balance(author.member.id)).toBe(welcome);

    await runCron(at + 60_000);
    expect(await balance(author.member.id)).toBe(welcome);
    expect(await escrowOf(draft.id)).toBe(0);
    const [row] = await rows<{ status: string }>('SELECT status FROM claims WHERE id = ?', held.id);
    expect(row?.status).toBe('expired');
    await expectLedgerInvariants();
  });

  it('still pays a live claim after another claim lapsed before the withdraw and the cron ran', async () => {
    const author = await signIn();
    const early = await signIn();
    const late = await signIn();
    const start = Date.now();
    const draft = await postDraftOk(author, { reviewsWanted: 2 });
    await claim(early, draft.id, start);
    const lateClaimAt = start + config.claims.lifetimeMs - 60 * 60 * 1000;
    await claim(late, draft.id, lateClaimAt);

    const at = lapsedAfter(start);
    const withdrawn = await json<DraftView>(await withdraw(author, draft.id, at));
    expect(withdrawn).toMatchObject({ escrow: draft.pricePerReview, slots: { claimed: 1 } });
    await runCron(at + 60_000);
    expect(await escrowOf(draft.id)).toBe(draft.pricePerReview);

    const response = await call(`/api/v1/drafts/${draft.id}/reviews`, { token: late.token, body: reviewOf(), now: at + 120_000 });
    expect(response.status).toBe(201);
    expect(await balance(late.member.id)).toBe(welcome + draft.pricePerReview);
    expect(await balance(author.member.id)).toBe(welcome - draft.pricePerReview);
    expect(await escrowOf(draft.id)).toBe(0);
    await expectLedgerInvariants();
  });
});
