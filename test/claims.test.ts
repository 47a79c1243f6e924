import { describe, expect, it } from 'vitest';
import { config } from '../src/config';
import {
  call,
  count,
  expectErrorShape,
  grantCredits,
  json,
  ORIGIN,
  postDraftOk,
  reviewOf,
  rows,
  signIn,
  type SignedInMember,
} from './helpers';

type Claim = { id: string; draftId: string; status: string; createdAt: string; expiresAt: string };

const lapsedAfter = (from: number) => from + config.claims.lifetimeMs + 1000;

const claim = (reviewer: SignedInMember | null, draftId: string, now?: number) =>
  call(`/api/v1/drafts/${draftId}/claims`, { method: 'POST', token: reviewer?.token, now, headers: { origin: ORIGIN } });

const release = (reviewer: SignedInMember | null, claimId: string, now?: number) =>
  call(`/api/v1/claims/${claimId}`, { method: 'DELETE', token: reviewer?.token, now, headers: { origin: ORIGIN } });

async function claimOk(reviewer: SignedInMember, draftId: string, now?: number) {
  const response = await claim(reviewer, draftId, now);
  expect(response.status).toBe(201);
  return json<Claim>(response);
}

const claimsOn = (draftId: string) => count('claims', 'draft_id = ?', draftId);
const statusOf = async (claimId: string) => (await rows<{ status: string }>('SELECT status FROM claims WHERE id = ?', claimId))[0]?.status;

describe('claiming a review slot', () => {
  it('answers 201 with {id, draftId, expiresAt} 48 hours out, and holds the slot', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const draft = await postDraftOk(author, { reviewsWanted: 2 });
    const now = Date.now();

    const response = await claim(reviewer, draft.id, now);
    expect(response.status).toBe(201);
    const body = await json<Claim>(response);
    expect(Object.keys(body)[0]).toBe('id');
    expect(body).toMatchObject({
      draftId: draft.id,
      status: 'active',
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + config.claims.lifetimeMs).toISOString(),
    });
    expect(body.id).toMatch(/^[a-z2-7]{16}$/);

    const [row] = await rows('SELECT draft_id, reviewer_id, status, expires_at FROM claims WHERE id = ?', body.id);
    expect(row).toEqual({ draft_id: draft.id, reviewer_id: reviewer.member.id, status: 'active', expires_at: now + config.claims.lifetimeMs });
    const view = await json<{ slots: { claimed: number; free: number } }>(await call(`/api/v1/drafts/${draft.id}`, { token: author.token }));
    expect(view.slots).toMatchObject({ claimed: 1, free: 1 });
  });

  it('is 403 on my own draft, and takes nothing', async () => {
    const author = await signIn();
    const draft = await postDraftOk(author);
    await expectErrorShape(await claim(author, draft.id), 403, 'forbidden');
    expect(await claimsOn(draft.id)).toBe(0);
  });

  it('is 409 no_free_slot when every slot is taken, and takes nothing', async () => {
    const author = await signIn();
    const first = await signIn();
    const second = await signIn();
    const draft = await postDraftOk(author, { reviewsWanted: 1 });
    await claimOk(first, draft.id);
    await expectErrorShape(await claim(second, draft.id), 409, 'no_free_slot');
    expect(await claimsOn(draft.id)).toBe(1);
  });

  it('is 409 no_free_slot on a draft that has all its reviews (closed)', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const late = await signIn();
    const draft = await postDraftOk(author, { reviewsWanted: 1 });
    expect((await call(`/api/v1/drafts/${draft.id}/reviews`, { token: reviewer.token, body: reviewOf() })).status).toBe(201);
    await expectErrorShape(await claim(late, draft.id), 409, 'no_free_slot');
    expect(await claimsOn(draft.id)).toBe(0);
  });

  it('is 409 already_claimed when I already hold a claim on the draft', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const draft = await postDraftOk(author, { reviewsWanted: 3 });
    await claimOk(reviewer, draft.id);
    await expectErrorShape(await claim(reviewer, draft.id), 409, 'already_claimed');
    expect(await claimsOn(draft.id)).toBe(1);
  });

  it('is 409 already_reviewed when I reviewed the draft', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const draft = await postDraftOk(author, { reviewsWanted: 3 });
    expect((await call(`/api/v1/drafts/${draft.id}/reviews`, { token: reviewer.token, body: reviewOf() })).status).toBe(201);
    await expectErrorShape(await claim(reviewer, draft.id), 409, 'already_reviewed');
    expect(await claimsOn(draft.id)).toBe(0);
  });

  it(`is 409 too_many_claims past ${config.claims.maxActivePerReviewer} active claims, and a release makes room`, async () => {
    const authors = [await signIn(), await signIn()];
    const reviewer = await signIn();
    await grantCredits(authors[0]!.member.id, config.claims.maxActivePerReviewer);
    const drafts = [];
    for (let i = 0; i <= config.claims.maxActivePerReviewer; i++) drafts.push(await postDraftOk(authors[i % 2]!));

    const held = [];
    for (const draft of drafts.slice(0, -1)) held.push(await claimOk(reviewer, draft.id));
    const extra = drafts.at(-1)!;
    await expectErrorShape(await claim(reviewer, extra.id), 409, 'too_many_claims');
    expect(await claimsOn(extra.id)).toBe(0);

    expect((await release(reviewer, held[0]!.id)).status).toBe(200);
    await claimOk(reviewer, extra.id);
  });

  it('does not count lapsed claims towards the limit', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    await grantCredits(author.member.id, config.claims.maxActivePerReviewer);
    const drafts = [];
    for (let i = 0; i <= config.claims.maxActivePerReviewer; i++) drafts.push(await postDraftOk(author));
    const start = Date.now();
    for (const draft of drafts.slice(0, -1)) await claimOk(reviewer, draft.id, start);
    await expectErrorShape(await claim(reviewer, drafts.at(-1)!.id, start + 1000), 409, 'too_many_claims');
    await claimOk(reviewer, drafts.at(-1)!.id, lapsedAfter(start));
  });

  it('is 404 for an unknown draft and for a withdrawn one', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    await expectErrorShape(await claim(reviewer, 'nosuchdraft'), 404, 'not_found');
    const draft = await postDraftOk(author);
    expect((await call(`/api/v1/drafts/${draft.id}/withdraw`, { method: 'POST', token: author.token })).status).toBe(200);
    await expectErrorShape(await claim(reviewer, draft.id), 404, 'not_found');
    expect(await claimsOn(draft.id)).toBe(0);
  });

  it('is for members only: anonymous is 401', async () => {
    const author = await signIn();
    const draft = await postDraftOk(author);
    await expectErrorShape(await claim(null, draft.id), 401, 'unauthorized');
    expect(await claimsOn(draft.id)).toBe(0);
  });

  it('lets me claim again after my own claim expired, and marks the old one expired', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const draft = await postDraftOk(author, { reviewsWanted: 1 });
    const start = Date.now();
    const first = await claimOk(reviewer, draft.id, start);
    await expectErrorShape(await claim(reviewer, draft.id, start + 1000), 409, 'already_claimed');

    const later = lapsedAfter(start);
    const second = await claimOk(reviewer, draft.id, later);
    expect(second.id).not.toBe(first.id);
    expect(second.expiresAt).toBe(new Date(later + config.claims.lifetimeMs).toISOString());
    expect(await statusOf(first.id)).toBe('expired');
    expect(await statusOf(second.id)).toBe('active');
  });

  it('lets someone else take a slot whose claim expired, at once', async () => {
    const author = await signIn();
    const first = await signIn();
    const second = await signIn();
    const draft = await postDraftOk(author, { reviewsWanted: 1 });
    const start = Date.now();
    await claimOk(first, draft.id, start);
    await expectErrorShape(await claim(second, draft.id, start + 1000), 409, 'no_free_slot');
    await claimOk(second, draft.id, lapsedAfter(start));
    await expectErrorShape(await claim(first, draft.id, lapsedAfter(start) + 1000), 409, 'no_free_slot');
  });
});

describe('releasing a claim', () => {
  it('gives the slot back: 200 with the claim released, and another member can claim it', async () => {
    const author = await signIn();
    const holder = await signIn();
    const next = await signIn();
    const draft = await postDraftOk(author, { reviewsWanted: 1 });
    const held = await claimOk(holder, draft.id);

    const response = await release(holder, held.id);
    expect(response.status).toBe(200);
    expect(await json<Claim>(response)).toMatchObject({ id: held.id, draftId: draft.id, status: 'released' });
    expect(await statusOf(held.id)).toBe('released');
    await claimOk(next, draft.id);
  });

  it('is for the holder only: another member (even the author) gets 404, anonymous 401, and the claim stays', async () => {
    const author = await signIn();
    const holder = await signIn();
    const other = await signIn();
    const draft = await postDraftOk(author);
    const held = await claimOk(holder, draft.id);
    await expectErrorShape(await release(other, held.id), 404, 'not_found');
    await expectErrorShape(await release(author, held.id), 404, 'not_found');
    await expectErrorShape(await release(null, held.id), 401, 'unauthorized');
    await expectErrorShape(await release(holder, 'nosuchclaim'), 404, 'not_found');
    expect(await statusOf(held.id)).toBe('active');
  });

  it('a second release is 409 claim_not_active', async () => {
    const author = await signIn();
    const holder = await signIn();
    const draft = await postDraftOk(author);
    const held = await claimOk(holder, draft.id);
    expect((await release(holder, held.id)).status).toBe(200);
    await expectErrorShape(await release(holder, held.id), 409, 'claim_not_active');
  });

  it('releasing a claim that has expired is 409 claim_not_active', async () => {
    const author = await signIn();
    const holder = await signIn();
    const draft = await postDraftOk(author);
    const start = Date.now();
    const held = await claimOk(holder, draft.id, start);
    await expectErrorShape(await release(holder, held.id, lapsedAfter(start)), 409, 'claim_not_active');
  });

  it('releasing a claim used by a review is 409 claim_not_active', async () => {
    const author = await signIn();
    const holder = await signIn();
    const draft = await postDraftOk(author, { reviewsWanted: 2 });
    const held = await claimOk(holder, draft.id);
    expect((await call(`/api/v1/drafts/${draft.id}/reviews`, { token: holder.token, body: reviewOf() })).status).toBe(201);
    await expectErrorShape(await release(holder, held.id), 409, 'claim_not_active');
    expect(await statusOf(held.id)).toBe('used');
  });
});
