import { describe, expect, it } from 'vitest';
import { config, type Genre } from '../src/config';
import {
  call,
  expectErrorShape,
  grantCredits,
  json,
  postDraft,
  postDraftOk,
  reviewOf,
  signIn,
  type SignedInMember,
} from './helpers';

type QueueItem = {
  id: string;
  title: string;
  genre: Genre;
  excerpt: string;
  pays: number;
  reviewsWanted: number;
  reviewsReceived: number;
  freeSlots: number;
  createdAt: string;
  author: { id: string; name: string };
};
type QueuePage = { items: QueueItem[]; nextCursor: string | null };

const lapsedAfter = (from: number) => from + config.claims.lifetimeMs + 1000;

async function queuePage(member: SignedInMember, query: Record<string, string> = {}, now?: number): Promise<QueuePage> {
  const search = new URLSearchParams(query).toString();
  const response = await call(`/api/v1/queue${search ? `?${search}` : ''}`, { token: member.token, now });
  expect(response.status).toBe(200);
  return json<QueuePage>(response);
}

/** Every page of the member's queue, in order (storage is shared by the file, so callers filter to their drafts). */
async function wholeQueue(member: SignedInMember, genre?: Genre, now?: number) {
  const items: QueueItem[] = [];
  const pageSizes: number[] = [];
  let cursor: string | null = null;
  do {
    const page: QueuePage = await queuePage(member, { ...(genre ? { genre } : {}), ...(cursor ? { cursor } : {}) }, now);
    items.push(...page.items);
    pageSizes.push(page.items.length);
    cursor = page.nextCursor;
  } while (cursor);
  return { items, pageSizes, ids: items.map((i) => i.id) };
}

const idsIn = async (member: SignedInMember, genre?: Genre, now?: number) => (await wholeQueue(member, genre, now)).ids;

async function claimOk(reviewer: SignedInMember, draftId: string, now?: number) {
  const response = await call(`/api/v1/drafts/${draftId}/claims`, { method: 'POST', token: reviewer.token, now });
  expect(response.status).toBe(201);
  return json<{ id: string }>(response);
}

async function reviewOk(reviewer: SignedInMember, draftId: string) {
  const response = await call(`/api/v1/drafts/${draftId}/reviews`, { token: reviewer.token, body: reviewOf() });
  expect(response.status).toBe(201);
}

describe('the review queue', () => {
  it('shows other members’ open drafts with what a review pays and the free slots, never my own', async () => {
    const author = await signIn();
    const reader = await signIn();
    const draft = await postDraftOk(author, { genre: 'essay', reviewsWanted: 2, title: 'On walking' });

    expect(await idsIn(author, 'essay')).not.toContain(draft.id);
    const item = (await wholeQueue(reader, 'essay')).items.find((i) => i.id === draft.id);
    expect(item).toMatchObject({
      title: 'On walking',
      genre: 'essay',
      pays: draft.pricePerReview,
      reviewsWanted: 2,
      reviewsReceived: 0,
      freeSlots: 2,
      author: { id: author.member.id },
    });
    expect(item?.excerpt.length).toBeGreaterThan(0);
    expect(item).not.toHaveProperty('body');
  });

  it('never shows a draft I hold a live claim on, nor one I reviewed', async () => {
    const author = await signIn();
    const claimer = await signIn();
    const reviewer = await signIn();
    const other = await signIn();
    const draft = await postDraftOk(author, { genre: 'memoir', reviewsWanted: 3 });

    await claimOk(claimer, draft.id);
    await reviewOk(reviewer, draft.id);

    expect(await idsIn(claimer, 'memoir')).not.toContain(draft.id);
    expect(await idsIn(reviewer, 'memoir')).not.toContain(draft.id);
    const seen = (await wholeQueue(other, 'memoir')).items.find((i) => i.id === draft.id);
    expect(seen).toMatchObject({ reviewsReceived: 1, freeSlots: 1 });
  });

  it('hides a draft whose every slot is claimed or reviewed, and a closed or withdrawn one', async () => {
    const author = await signIn();
    const claimer = await signIn();
    const reviewer = await signIn();
    const other = await signIn();
    const full = await postDraftOk(author, { genre: 'horror', reviewsWanted: 2 });
    await claimOk(claimer, full.id);
    await reviewOk(reviewer, full.id);

    const closed = await postDraftOk(author, { genre: 'horror', reviewsWanted: 1 });
    await reviewOk(reviewer, closed.id);

    const donor = await signIn();
    const withdrawn = await postDraftOk(donor, { genre: 'horror' });
    expect((await call(`/api/v1/drafts/${withdrawn.id}/withdraw`, { method: 'POST', token: donor.token })).status).toBe(200);

    const ids = await idsIn(other, 'horror');
    expect(ids).not.toContain(full.id);
    expect(ids).not.toContain(closed.id);
    expect(ids).not.toContain(withdrawn.id);
  });

  it('frees an expired claim’s slot at once, before any cron runs', async () => {
    const author = await signIn();
    const claimer = await signIn();
    const other = await signIn();
    const start = Date.now();
    const draft = await postDraftOk(author, { genre: 'romance', reviewsWanted: 1 });
    await claimOk(claimer, draft.id, start);

    expect(await idsIn(other, 'romance', start + 1000)).not.toContain(draft.id);
    expect(await idsIn(claimer, 'romance', start + 1000)).not.toContain(draft.id);

    const later = lapsedAfter(start);
    const freed = (await wholeQueue(other, 'romance', later)).items.find((i) => i.id === draft.id);
    expect(freed?.freeSlots).toBe(1);
    expect(await idsIn(claimer, 'romance', later)).toContain(draft.id);
  });

  it('puts the fairest first: fewest reviews relative to wanted, then the oldest', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const reader = await signIn();
    await grantCredits(author.member.id, 20);
    const base = Date.now() - 60 * 60 * 1000;
    const post = async (label: string, reviewsWanted: number, createdOffset: number) => {
      const response = await postDraft(author, { genre: 'mystery', title: label, reviewsWanted }, { now: base + createdOffset });
      expect(response.status).toBe(201);
      return { label, ...(await json<{ id: string }>(response)) };
    };
    const halfDone = await post('1 of 2 in', 2, 0);
    const untouchedNewer = await post('0 of 1, newer', 1, 3_000);
    const quarterDone = await post('1 of 4 in', 4, 1_000);
    const untouchedOlder = await post('0 of 3, older', 3, 2_000);
    const fifthDone = await post('1 of 5 in', 5, 500);
    const untouchedOldest = await post('0 of 2, oldest', 2, -1_000);
    for (const draft of [halfDone, quarterDone, fifthDone]) await reviewOk(reviewer, draft.id);

    const ours = new Map([halfDone, untouchedNewer, quarterDone, untouchedOlder, fifthDone, untouchedOldest].map((d) => [d.id, d.label]));
    const order = (await idsIn(reader, 'mystery')).filter((id) => ours.has(id)).map((id) => ours.get(id));
    expect(order).toEqual(['0 of 2, oldest', '0 of 3, older', '0 of 1, newer', '1 of 5 in', '1 of 4 in', '1 of 2 in']);
  });

  it('filters by genre', async () => {
    const author = await signIn();
    const reader = await signIn();
    const poem = await postDraftOk(author, { genre: 'poetry' });
    const script = await postDraftOk(author, { genre: 'young-adult' });

    const poetry = await wholeQueue(reader, 'poetry');
    expect(poetry.ids).toContain(poem.id);
    expect(poetry.ids).not.toContain(script.id);
    expect(poetry.items.every((i) => i.genre === 'poetry')).toBe(true);
    const all = await idsIn(reader);
    expect(all).toEqual(expect.arrayContaining([poem.id, script.id]));
  });

  it('pages by cursor in fairness order with neither duplicates nor gaps', async () => {
    const author = await signIn();
    const reader = await signIn();
    const total = config.pagination.pageSize + 5;
    await grantCredits(author.member.id, total);
    const posted = new Set<string>();
    for (let i = 0; i < total; i++) posted.add((await postDraftOk(author, { genre: 'screenplay', title: `Scene ${i}` })).id);

    for (const genre of ['screenplay', undefined] as const) {
      const { items, pageSizes, ids } = await wholeQueue(reader, genre);
      expect(pageSizes.length).toBeGreaterThanOrEqual(2);
      expect(pageSizes.slice(0, -1).every((n) => n === config.pagination.pageSize)).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.filter((id) => posted.has(id))).toHaveLength(total);
      // Fairness (received/wanted) never decreases down the pages; within one fairness, the oldest first.
      // (60 is a multiple of every reviewsWanted, so the sixtieths are exact.)
      const keys = items.map((i) => [(i.reviewsReceived * 60) / i.reviewsWanted, Date.parse(i.createdAt)] as const);
      for (let i = 1; i < keys.length; i++) {
        const [prevFair, prevAt] = keys[i - 1]!;
        const [fair, at] = keys[i]!;
        expect(fair).toBeGreaterThanOrEqual(prevFair);
        if (fair === prevFair) expect(at).toBeGreaterThanOrEqual(prevAt);
      }
    }
  });

  it.each([
    ['an unknown genre', 'genre=cookbook', 'validation_failed', 'genre'],
    ['a cursor it never gave out', 'cursor=not-a-cursor', 'invalid_cursor', 'cursor'],
    ['a cursor of the wrong shape', `cursor=${btoa('["a",1,"b"]')}`, 'invalid_cursor', 'cursor'],
    ['an unknown parameter', 'sort=new', 'validation_failed', 'sort'],
  ])('is 400 for %s', async (_, query, code, field) => {
    const reader = await signIn();
    const error = await expectErrorShape(await call(`/api/v1/queue?${query}`, { token: reader.token }), 400, code);
    expect(error.fields).toHaveProperty([field]);
  });

  it('is for members only: anonymous is 401', async () => {
    await expectErrorShape(await call('/api/v1/queue'), 401, 'unauthorized');
  });
});
