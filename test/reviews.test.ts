import { describe, expect, it } from 'vitest';
import { config } from '../src/config';
import {
  balance,
  call,
  count,
  draftBody,
  expectErrorShape,
  expectLedgerInvariants,
  json,
  ORIGIN,
  postDraftOk,
  reviewOf,
  rows,
  signIn,
  words,
  type SignedInMember,
} from './helpers';

type Review = {
  id: string;
  draftId: string;
  reviewer: { id: string; name: string };
  body: string;
  wordCount: number;
  inline: { paragraph: number; quote: string; body: string }[];
  helpful: boolean | null;
  ratedAt: string | null;
  replies: { id: string; author: { id: string }; body: string }[];
  paid: number;
};

const welcome = config.credits.welcomeGrant;

const submit = (reviewer: SignedInMember | null, draftId: string, body: unknown = reviewOf()) =>
  call(`/api/v1/drafts/${draftId}/reviews`, { method: 'POST', token: reviewer?.token, body, headers: { origin: ORIGIN } });

async function submitOk(reviewer: SignedInMember, draftId: string, body: unknown = reviewOf()) {
  const response = await submit(reviewer, draftId, body);
  if (response.status !== 201) throw new Error(`review: ${response.status} ${await response.text()}`);
  return json<Review>(response);
}

const listReviews = (member: SignedInMember | null, draftId: string) =>
  call(`/api/v1/drafts/${draftId}/reviews`, { token: member?.token });

const rate = (member: SignedInMember, reviewId: string, helpful: unknown) =>
  call(`/api/v1/reviews/${reviewId}/rating`, { token: member.token, body: { helpful } });

const reply = (member: SignedInMember, reviewId: string, body: unknown) =>
  call(`/api/v1/reviews/${reviewId}/replies`, { token: member.token, body: { body } });

/** A draft with one review in, its author and its reviewer. */
async function reviewedDraft(reviewsWanted = 2) {
  const author = await signIn();
  const reviewer = await signIn();
  const draft = await postDraftOk(author, { reviewsWanted });
  const review = await submitOk(reviewer, draft.id);
  return { author, reviewer, draft, review };
}

async function expectNoReviewWritten(draftId: string, reviewer: SignedInMember, balanceBefore: number) {
  expect(await count('reviews', 'draft_id = ?', draftId)).toBe(0);
  expect(await count('inline_comments i JOIN reviews r ON r.id = i.review_id', 'r.draft_id = ?', draftId)).toBe(0);
  expect(await balance(reviewer.member.id)).toBe(balanceBefore);
  const [draft] = await rows<{ reviews_received: number }>('SELECT reviews_received FROM drafts WHERE id = ?', draftId);
  expect(draft?.reviews_received).toBe(0);
}

describe('submitting a review', () => {
  it('with my claim: 201 with the review, pays me the draft’s price at once, and uses the claim', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const draft = await postDraftOk(author, { reviewsWanted: 2 });
    const claimed = await json<{ id: string }>(await call(`/api/v1/drafts/${draft.id}/claims`, { method: 'POST', token: reviewer.token }));

    const input = reviewOf({ inline: [{ paragraph: 1, quote: 'p1w3 p1w4', body: 'This line sings.' }] });
    const response = await submit(reviewer, draft.id, input);
    expect(response.status).toBe(201);
    const review = await json<Review>(response);
    expect(Object.keys(review)[0]).toBe('id');
    expect(review).toMatchObject({
      draftId: draft.id,
      reviewer: { id: reviewer.member.id },
      wordCount: 160 + 3,
      inline: [{ paragraph: 1, quote: 'p1w3 p1w4', body: 'This line sings.' }],
      helpful: null,
      ratedAt: null,
      replies: [],
      paid: draft.pricePerReview,
    });

    expect(await balance(reviewer.member.id)).toBe(welcome + draft.pricePerReview);
    expect(await balance(draft.id)).toBe(draft.pricePerReview);
    const paid = await rows('SELECT from_account, to_account, amount, reason, review_id, draft_id FROM transfers WHERE reason_key = ?', `review_paid:${review.id}`);
    expect(paid).toEqual([
      { from_account: draft.id, to_account: reviewer.member.id, amount: draft.pricePerReview, reason: 'review_paid', review_id: review.id, draft_id: draft.id },
    ]);
    const [claimRow] = await rows<{ status: string }>('SELECT status FROM claims WHERE id = ?', claimed.id);
    expect(claimRow?.status).toBe('used');
    const [draftRow] = await rows('SELECT status, reviews_received FROM drafts WHERE id = ?', draft.id);
    expect(draftRow).toEqual({ status: 'open', reviews_received: 1 });
    await expectLedgerInvariants();
  });

  it('without a claim: takes a free slot and pays the same', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const draft = await postDraftOk(author, { reviewsWanted: 2 });
    const review = await submitOk(reviewer, draft.id);
    expect(review.paid).toBe(draft.pricePerReview);
    expect(await balance(reviewer.member.id)).toBe(welcome + draft.pricePerReview);
    expect(await count('transfers', 'reason_key = ?', `review_paid:${review.id}`)).toBe(1);
  });

  it('the last review in closes the draft and empties its escrow', async () => {
    const author = await signIn();
    const draft = await postDraftOk(author, { reviewsWanted: 2 });
    await submitOk(await signIn(), draft.id);
    await submitOk(await signIn(), draft.id);
    const [row] = await rows<{ status: string; reviews_received: number; ended_at: number | null }>(
      'SELECT status, reviews_received, ended_at FROM drafts WHERE id = ?',
      draft.id,
    );
    expect(row).toMatchObject({ status: 'closed', reviews_received: 2 });
    expect(row?.ended_at).toEqual(expect.any(Number));
    expect(await balance(draft.id)).toBe(0);
    await expectErrorShape(await submit(await signIn(), draft.id), 409, 'no_free_slot');
    await expectLedgerInvariants();
  });

  it(`under ${config.reviews.minWords} words, overall and inline together, is 400 and writes nothing`, async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const draft = await postDraftOk(author);
    const overall = 100;
    const short = { body: words(overall), inline: [{ paragraph: 0, quote: '', body: words(config.reviews.minWords - overall - 1, 'in') }] };
    const error = await expectErrorShape(await submit(reviewer, draft.id, short), 400, 'validation_failed');
    expect(error.fields?.body).toContain(`${config.reviews.minWords - 1}`);
    await expectNoReviewWritten(draft.id, reviewer, welcome);

    const enough = { body: words(overall), inline: [{ paragraph: 0, quote: '', body: words(config.reviews.minWords - overall, 'in') }] };
    const accepted = await submitOk(reviewer, draft.id, enough);
    expect(accepted.wordCount).toBe(config.reviews.minWords);
  });

  it('an inline paragraph index past the draft’s end is 400 naming inline.N.paragraph, and writes nothing', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const draft = await postDraftOk(author, { body: draftBody(3) });
    const input = reviewOf({
      inline: [
        { paragraph: 2, quote: 'p2w0', body: 'Fine.' },
        { paragraph: 3, quote: '', body: 'There is no fourth paragraph.' },
      ],
    });
    const error = await expectErrorShape(await submit(reviewer, draft.id, input), 400, 'validation_failed');
    expect(Object.keys(error.fields ?? {})).toEqual(['inline.1.paragraph']);
    await expectNoReviewWritten(draft.id, reviewer, welcome);
  });

  it('a negative paragraph index is 400 naming inline.N.paragraph', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const draft = await postDraftOk(author);
    const error = await expectErrorShape(
      await submit(reviewer, draft.id, reviewOf({ inline: [{ paragraph: -1, quote: '', body: 'x' }] })),
      400,
      'validation_failed',
    );
    expect(error.fields).toHaveProperty(['inline.0.paragraph']);
    await expectNoReviewWritten(draft.id, reviewer, welcome);
  });

  it('a quote that is not in its paragraph is 400 naming inline.N.quote, and writes nothing', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const draft = await postDraftOk(author);
    const input = reviewOf({ inline: [{ paragraph: 1, quote: 'p0w3 p0w4', body: 'Wrong paragraph.' }] });
    const error = await expectErrorShape(await submit(reviewer, draft.id, input), 400, 'validation_failed');
    expect(error.fields).toHaveProperty(['inline.0.quote']);
    await expectNoReviewWritten(draft.id, reviewer, welcome);
  });

  it('matches a quote as the reader sees it: case, spacing and Markdown marks aside', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const draft = await postDraftOk(author, { body: 'The *quick* brown fox.\n\nIt jumped   over the **lazy** dog.' });
    const review = await submitOk(reviewer, draft.id, reviewOf({ inline: [{ paragraph: 1, quote: 'jumped over the lazy', body: 'Nice.' }] }));
    expect(review.inline).toEqual([{ paragraph: 1, quote: 'jumped over the lazy', body: 'Nice.' }]);
  });

  it('on my own draft is 403', async () => {
    const author = await signIn();
    const draft = await postDraftOk(author);
    await expectErrorShape(await submit(author, draft.id), 403, 'forbidden');
    expect(await count('reviews', 'draft_id = ?', draft.id)).toBe(0);
    expect(await balance(author.member.id)).toBe(welcome - draft.pricePerReview);
  });

  it('a second review of the same draft by the same member is 409 and pays nothing more', async () => {
    const { reviewer, draft } = await reviewedDraft(3);
    await expectErrorShape(await submit(reviewer, draft.id), 409, 'already_reviewed');
    expect(await count('reviews', 'draft_id = ? AND reviewer_id = ?', draft.id, reviewer.member.id)).toBe(1);
    expect(await balance(reviewer.member.id)).toBe(welcome + draft.pricePerReview);
  });

  it('without a claim on a draft whose slots are all claimed is 409 no_free_slot', async () => {
    const author = await signIn();
    const holder = await signIn();
    const other = await signIn();
    const draft = await postDraftOk(author, { reviewsWanted: 1 });
    expect((await call(`/api/v1/drafts/${draft.id}/claims`, { method: 'POST', token: holder.token })).status).toBe(201);
    await expectErrorShape(await submit(other, draft.id), 409, 'no_free_slot');
    await expectNoReviewWritten(draft.id, other, welcome);
  });

  it('on an unknown draft is 404, anonymous is 401, and an unknown field is 400', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const draft = await postDraftOk(author);
    await expectErrorShape(await submit(reviewer, 'nosuchdraft'), 404, 'not_found');
    await expectErrorShape(await submit(null, draft.id), 401, 'unauthorized');
    const error = await expectErrorShape(await submit(reviewer, draft.id, reviewOf({ score: 5 })), 400, 'validation_failed');
    expect(error.fields).toHaveProperty('score');
    await expectNoReviewWritten(draft.id, reviewer, welcome);
  });
});

describe('reading reviews', () => {
  it('the author sees every review, a reviewer only their own, another member 403, anonymous 401', async () => {
    const { author, reviewer, draft, review } = await reviewedDraft(2);
    const second = await signIn();
    const secondReview = await submitOk(second, draft.id);

    const all = await listReviews(author, draft.id);
    expect(all.status).toBe(200);
    const page = await json<{ items: Review[]; nextCursor: string | null }>(all);
    expect(page.items.map((r) => r.id).sort()).toEqual([review.id, secondReview.id].sort());
    expect(page.nextCursor).toBeNull();

    const own = await json<{ items: Review[] }>(await listReviews(reviewer, draft.id));
    expect(own.items.map((r) => r.id)).toEqual([review.id]);

    await expectErrorShape(await listReviews(await signIn(), draft.id), 403, 'forbidden');
    await expectErrorShape(await listReviews(null, draft.id), 401, 'unauthorized');
    await expectErrorShape(await listReviews(author, 'nosuchdraft'), 404, 'not_found');
  });
});

describe('rating a review', () => {
  it('helpful: true mints the helpful bonus for the reviewer', async () => {
    const { author, reviewer, draft, review } = await reviewedDraft();
    const [mintBefore] = await rows<{ balance: number }>("SELECT balance FROM accounts WHERE id = 'mint'");

    const response = await rate(author, review.id, true);
    expect(response.status).toBe(200);
    const rated = await json<Review>(response);
    expect(rated).toMatchObject({ id: review.id, helpful: true });
    expect(rated.ratedAt).toEqual(expect.any(String));

    expect(await balance(reviewer.member.id)).toBe(welcome + draft.pricePerReview + config.credits.helpfulBonus);
    const bonus = await rows('SELECT from_account, to_account, amount, reason FROM transfers WHERE reason_key = ?', `helpful_bonus:${review.id}`);
    expect(bonus).toEqual([{ from_account: 'mint', to_account: reviewer.member.id, amount: config.credits.helpfulBonus, reason: 'helpful_bonus' }]);
    const [mintAfter] = await rows<{ balance: number }>("SELECT balance FROM accounts WHERE id = 'mint'");
    expect(mintAfter!.balance).toBeLessThanOrEqual(mintBefore!.balance - config.credits.helpfulBonus);
    await expectLedgerInvariants();
  });

  it('helpful: false records the rating and mints nothing', async () => {
    const { author, reviewer, draft, review } = await reviewedDraft();
    const response = await rate(author, review.id, false);
    expect(response.status).toBe(200);
    expect(await json<Review>(response)).toMatchObject({ helpful: false });
    expect(await balance(reviewer.member.id)).toBe(welcome + draft.pricePerReview);
    expect(await count('transfers', 'reason_key = ?', `helpful_bonus:${review.id}`)).toBe(0);
  });

  it('is once: a second rating is 409 already_rated and changes nothing', async () => {
    const { author, reviewer, draft, review } = await reviewedDraft();
    expect((await rate(author, review.id, false)).status).toBe(200);
    await expectErrorShape(await rate(author, review.id, true), 409, 'already_rated');
    const [row] = await rows<{ helpful: number }>('SELECT helpful FROM reviews WHERE id = ?', review.id);
    expect(row?.helpful).toBe(0);
    expect(await balance(reviewer.member.id)).toBe(welcome + draft.pricePerReview);
  });

  it('is for the author only: the reviewer rating their own review is 403, a stranger 404', async () => {
    const { reviewer, review } = await reviewedDraft();
    await expectErrorShape(await rate(reviewer, review.id, true), 403, 'forbidden');
    await expectErrorShape(await rate(await signIn(), review.id, true), 404, 'not_found');
    await expectErrorShape(await rate(reviewer, 'nosuchreview', true), 404, 'not_found');
    expect(await count('transfers', 'reason_key = ?', `helpful_bonus:${review.id}`)).toBe(0);
    const [row] = await rows<{ rated_at: number | null }>('SELECT rated_at FROM reviews WHERE id = ?', review.id);
    expect(row?.rated_at).toBeNull();
  });

  it('needs helpful as a boolean (400)', async () => {
    const { author, review } = await reviewedDraft();
    const error = await expectErrorShape(await rate(author, review.id, 'yes'), 400, 'validation_failed');
    expect(error.fields).toHaveProperty('helpful');
  });
});

describe('replying to a review', () => {
  it('the author and the reviewer can reply (201), and the thread is on the review', async () => {
    const { author, reviewer, draft, review } = await reviewedDraft();
    const fromAuthor = await reply(author, review.id, 'Thank you — what about the ending?');
    expect(fromAuthor.status).toBe(201);
    const first = await json<{ id: string; reviewId: string; author: { id: string }; body: string }>(fromAuthor);
    expect(Object.keys(first)[0]).toBe('id');
    expect(first).toMatchObject({ reviewId: review.id, author: { id: author.member.id }, body: 'Thank you — what about the ending?' });

    const fromReviewer = await reply(reviewer, review.id, 'It felt rushed.');
    expect(fromReviewer.status).toBe(201);

    const [thread] = (await json<{ items: Review[] }>(await listReviews(author, draft.id))).items;
    expect(thread?.replies.map((r) => [r.author.id, r.body])).toEqual([
      [author.member.id, 'Thank you — what about the ending?'],
      [reviewer.member.id, 'It felt rushed.'],
    ]);
  });

  it('a stranger replying is 404, and nothing is written', async () => {
    const { review } = await reviewedDraft();
    await expectErrorShape(await reply(await signIn(), review.id, 'Hello'), 404, 'not_found');
    expect(await count('replies', 'review_id = ?', review.id)).toBe(0);
  });

  it.each([[''], ['   ']])('an empty body %j is 400 naming body, and nothing is written', async (body) => {
    const { author, review } = await reviewedDraft();
    const error = await expectErrorShape(await reply(author, review.id, body), 400, 'validation_failed');
    expect(error.fields).toHaveProperty('body');
    expect(await count('replies', 'review_id = ?', review.id)).toBe(0);
  });
});
