import { describe, expect, it } from 'vitest';
import { config, pricePerReview } from '../src/config';
import {
  balance,
  call,
  count,
  expectErrorShape,
  expectLedgerInvariants,
  grantCredits,
  postDraft,
  postDraftOk,
  reviewOf,
  rows,
  signIn,
  words,
  type SignedInMember,
} from './helpers';

const welcome = config.credits.welcomeGrant;

const signInMany = (n: number) => Promise.all(Array.from({ length: n }, () => signIn()));
const claim = (member: SignedInMember, draftId: string) => call(`/api/v1/drafts/${draftId}/claims`, { method: 'POST', token: member.token });
const review = (member: SignedInMember, draftId: string) => call(`/api/v1/drafts/${draftId}/reviews`, { token: member.token, body: reviewOf() });

describe('under concurrent requests', () => {
  it('20 members claiming a one-slot draft at once: exactly one 201, the rest 409', async () => {
    const author = await signIn();
    const reviewers = await signInMany(20);
    const draft = await postDraftOk(author, { reviewsWanted: 1 });

    const responses = await Promise.all(reviewers.map((r) => claim(r, draft.id)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const refused of responses.filter((r) => r.status === 409)) await expectErrorShape(refused, 409, 'no_free_slot');
    expect(await count('claims', "draft_id = ? AND status = 'active'", draft.id)).toBe(1);
    await expectLedgerInvariants();
  });

  it('one member firing 10 posts that together exceed the balance: never negative, accepted posts exactly what the balance allowed', async () => {
    const member = await signIn();
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => postDraft(member, { title: `Burst ${i}`, reviewsWanted: 1 })));
    const statuses = responses.map((r) => r.status);
    const cost = pricePerReview(120);
    const allowed = Math.floor(welcome / cost);
    expect(statuses.filter((s) => s === 201)).toHaveLength(allowed);
    expect(statuses.filter((s) => s === 402)).toHaveLength(10 - allowed);
    expect(await balance(member.member.id)).toBe(welcome - allowed * cost);
    expect(await count('drafts', 'author_id = ?', member.member.id)).toBe(allowed);
    await expectLedgerInvariants();
  });

  it('posts of mixed prices racing: every refused post costs more than what is left, and nothing is half-written', async () => {
    const member = await signIn();
    await grantCredits(member.member.id, 4);
    const start = welcome + 4;
    const long = config.drafts.priceBands[0]!.maxWords + 1;
    const inputs = Array.from({ length: 10 }, (_, i) => (i % 2 ? { body: words(long), reviewsWanted: 1 } : { reviewsWanted: 2 }));
    const costs = inputs.map((input) => pricePerReview('body' in input ? long : 120) * input.reviewsWanted);
    const responses = await Promise.all(inputs.map((input, i) => postDraft(member, { title: `Mixed ${i}`, ...input })));

    const spent = responses.reduce((sum, r, i) => sum + (r.status === 201 ? costs[i]! : 0), 0);
    const left = await balance(member.member.id);
    expect(left).toBe(start - spent);
    expect(left).toBeGreaterThanOrEqual(0);
    responses.forEach((r, i) => {
      expect([201, 402]).toContain(r.status);
      if (r.status === 402) expect(costs[i]).toBeGreaterThan(left);
    });
    const drafts = await rows<{ id: string }>('SELECT id FROM drafts WHERE author_id = ?', member.member.id);
    expect(drafts).toHaveLength(responses.filter((r) => r.status === 201).length);
    // Every draft that exists was paid for, and no escrow exists without its draft.
    expect(await count('accounts a', "a.kind = 'escrow' AND NOT EXISTS (SELECT 1 FROM drafts d WHERE d.id = a.id)")).toBe(0);
    await expectLedgerInvariants();
  });

  it('the same review submitted twice at once: one 201, one 409, paid once', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const draft = await postDraftOk(author, { reviewsWanted: 2 });
    const responses = await Promise.all([review(reviewer, draft.id), review(reviewer, draft.id)]);
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await count('reviews', 'draft_id = ?', draft.id)).toBe(1);
    expect(await count('transfers', "reason = 'review_paid' AND to_account = ?", reviewer.member.id)).toBe(1);
    expect(await balance(reviewer.member.id)).toBe(welcome + draft.pricePerReview);
    await expectLedgerInvariants();
  });

  it('the same review with a claim submitted five times at once: one 201, paid once, claim used', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const draft = await postDraftOk(author, { reviewsWanted: 1 });
    expect((await claim(reviewer, draft.id)).status).toBe(201);
    const responses = await Promise.all(Array.from({ length: 5 }, () => review(reviewer, draft.id)));
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(4);
    expect(await balance(reviewer.member.id)).toBe(welcome + draft.pricePerReview);
    const [row] = await rows('SELECT status, reviews_received FROM drafts WHERE id = ?', draft.id);
    expect(row).toEqual({ status: 'closed', reviews_received: 1 });
    await expectLedgerInvariants();
  });

  it('eight members reviewing a two-slot draft at once without claims: exactly two are accepted and paid', async () => {
    const author = await signIn();
    const reviewers = await signInMany(8);
    const draft = await postDraftOk(author, { reviewsWanted: 2 });
    const responses = await Promise.all(reviewers.map((r) => review(r, draft.id)));
    expect(responses.filter((r) => r.status === 201)).toHaveLength(2);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(6);
    expect(await count('reviews', 'draft_id = ?', draft.id)).toBe(2);
    expect(await balance(draft.id)).toBe(0);
    await expectLedgerInvariants();
  });

  it('one member claiming five drafts at once gets at most the claim limit', async () => {
    const authors = await signInMany(5);
    const reviewer = await signIn();
    const drafts = await Promise.all(authors.map((a) => postDraftOk(a)));
    const responses = await Promise.all(drafts.map((d) => claim(reviewer, d.id)));
    expect(responses.filter((r) => r.status === 201)).toHaveLength(config.claims.maxActivePerReviewer);
    for (const refused of responses.filter((r) => r.status !== 201)) await expectErrorShape(refused, 409);
    expect(await count('claims', "reviewer_id = ? AND status = 'active'", reviewer.member.id)).toBe(config.claims.maxActivePerReviewer);
  });

  it('a withdraw racing with reviews: every credit ends with the author or a reviewer, none twice', async () => {
    const author = await signIn();
    const reviewers = await signInMany(3);
    const draft = await postDraftOk(author, { reviewsWanted: 3 });
    const held = reviewers[0]!;
    expect((await claim(held, draft.id)).status).toBe(201);
    const [withdrawn, ...reviews] = await Promise.all([
      call(`/api/v1/drafts/${draft.id}/withdraw`, { method: 'POST', token: author.token }),
      ...reviewers.map((r) => review(r, draft.id)),
    ]);
    expect(withdrawn!.status).toBe(200);
    // The claim holder is always paid; the others only if they got in before the withdraw.
    expect(reviews[0]!.status).toBe(201);
    const accepted = reviews.filter((r) => r.status === 201).length;
    expect(await balance(draft.id)).toBe(0);
    expect(await balance(author.member.id)).toBe(welcome - accepted * draft.pricePerReview);
    const paidOut = await rows<{ n: number }>("SELECT coalesce(sum(amount), 0) AS n FROM transfers WHERE draft_id = ? AND reason = 'review_paid'", draft.id);
    expect(paidOut[0]!.n).toBe(accepted * draft.pricePerReview);
    await expectLedgerInvariants();
  });
});
