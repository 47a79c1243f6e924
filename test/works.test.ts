import { describe, expect, it } from 'vitest';
import { config } from '../src/config';
import { compareParagraphs } from '../src/works/compare-paragraphs';
import {
  balance,
  call,
  count,
  draftBody,
  expectErrorShape,
  expectLedgerInvariants,
  grantCredits,
  json,
  ORIGIN,
  reviewOf,
  rows,
  signIn,
  words,
  type SignedInMember,
} from './helpers';

type Work = { id: string; title: string; genre: string; synopsis: string | null; contentNotes: string[]; parts: Array<{ id: string; part: number; status: string; reviewsWanted: number; reviewsReceived: number }> };
type Draft = { id: string; genre: string; version: number; previousVersionId: string | null; status: string; work: { id: string; title: string; part: number } | null; questions: string[]; previously: string | null };

const HOUR = 60 * 60 * 1000;

async function startWork(author: SignedInMember, input: object = {}) {
  const response = await call('/api/v1/works', { token: author.token, body: { title: 'The Long Road', genre: 'fantasy', synopsis: 'A journey.', ...input } });
  expect(response.status).toBe(201);
  return json<Work>(response);
}

const postPart = (author: SignedInMember, workId: string, input: object = {}, now?: number) =>
  call('/api/v1/drafts', { token: author.token, now, body: { title: 'Chapter', body: draftBody(), reviewsWanted: 1, workId, ...input } });

async function postPartOk(author: SignedInMember, workId: string, input: object = {}, now?: number) {
  const response = await postPart(author, workId, input, now);
  if (response.status !== 201) throw new Error(`post part: ${response.status} ${await response.text()}`);
  return json<Draft>(response);
}

const claim = (member: SignedInMember, draftId: string, now?: number) =>
  call(`/api/v1/drafts/${draftId}/claims`, { method: 'POST', token: member.token, now, headers: { origin: ORIGIN } });

const review = (member: SignedInMember, draftId: string, body: object = reviewOf(), now?: number) =>
  call(`/api/v1/drafts/${draftId}/reviews`, { token: member.token, body, now });

const revise = (author: SignedInMember, draftId: string, input: object = {}, now?: number) =>
  call(`/api/v1/drafts/${draftId}/revisions`, { token: author.token, now, body: { body: draftBody(4), reviewsWanted: 1, ...input } });

async function reviewed(member: SignedInMember, draftId: string, body: object = reviewOf(), now?: number) {
  const response = await review(member, draftId, body, now);
  if (response.status !== 201) throw new Error(`review: ${response.status} ${await response.text()}`);
  return json(response);
}

describe('works', () => {
  it('POST /works answers 201 with the work and no parts; GET shows it to members; ?mine=1 lists the author’s', async () => {
    const author = await signIn();
    const other = await signIn();
    const work = await startWork(author, { contentNotes: ['violence', 'death'] });
    expect(work).toMatchObject({ title: 'The Long Road', genre: 'fantasy', synopsis: 'A journey.', contentNotes: ['violence', 'death'], parts: [] });
    expect(Object.keys(work)[0]).toBe('id');
    expect(await rows('SELECT author_id FROM works WHERE id = ?', work.id)).toEqual([{ author_id: author.member.id }]);
    const seen = await json<Work>(await call(`/api/v1/works/${work.id}`, { token: other.token }));
    expect(seen.id).toBe(work.id);
    const mine = await json<{ items: Work[] }>(await call('/api/v1/works?mine=1', { token: author.token }));
    expect(mine.items.map((w) => w.id)).toEqual([work.id]);
    const theirs = await json<{ items: Work[] }>(await call('/api/v1/works?mine=1', { token: other.token }));
    expect(theirs.items).toEqual([]);
  });

  it.each([
    ['no title', { title: '' }, 'title'],
    ['an unknown genre', { genre: 'cookbook' }, 'genre'],
    ['an unknown content note', { contentNotes: ['spoilers'] }, 'contentNotes.0'],
    [`a synopsis over ${config.works.synopsisMaxLength} characters`, { synopsis: 's'.repeat(config.works.synopsisMaxLength + 1) }, 'synopsis'],
  ])('a work with %s is 400 naming the field, and nothing is written', async (_, input, field) => {
    const author = await signIn();
    const response = await call('/api/v1/works', { token: author.token, body: { title: 'T', genre: 'fiction', ...input } });
    const error = await expectErrorShape(response, 400);
    expect(Object.keys(error.fields ?? {})).toContain(field);
    expect(await count('works', 'author_id = ?', author.member.id)).toBe(0);
  });

  it('an unknown work is 404', async () => {
    const author = await signIn();
    await expectErrorShape(await call('/api/v1/works/nope', { token: author.token }), 404, 'not_found');
    await expectErrorShape(await postPart(author, 'nope'), 404, 'not_found');
  });
});

describe('parts', () => {
  it('a draft posted with workId becomes the next part, takes the work’s genre and carries work and previously', async () => {
    const author = await signIn();
    const work = await startWork(author);
    const one = await postPartOk(author, work.id);
    const two = await postPartOk(author, work.id, { previously: 'They left the city.' });
    expect(one.work).toEqual({ id: work.id, title: work.title, part: 1 });
    expect(two).toMatchObject({ genre: 'fantasy', previously: 'They left the city.', work: { part: 2 } });
    const contents = await json<Work>(await call(`/api/v1/works/${work.id}`, { token: author.token }));
    expect(contents.parts.map((p) => [p.id, p.part, p.reviewsWanted, p.reviewsReceived])).toEqual([
      [one.id, 1, 1, 0],
      [two.id, 2, 1, 0],
    ]);
  });

  it('only the work’s author adds parts: someone else’s work is 403 and nothing is written or spent', async () => {
    const author = await signIn();
    const other = await signIn();
    const work = await startWork(author);
    await expectErrorShape(await postPart(other, work.id), 403, 'forbidden');
    expect(await count('drafts', 'author_id = ?', other.member.id)).toBe(0);
    expect(await balance(other.member.id)).toBe(config.credits.welcomeGrant);
  });

  it(`more than ${config.drafts.maxQuestions} questions, or a long "previously", is 400 and nothing is written`, async () => {
    const author = await signIn();
    const work = await startWork(author);
    const tooMany = Array.from({ length: config.drafts.maxQuestions + 1 }, (_, i) => `Question ${i}?`);
    expect(Object.keys((await expectErrorShape(await postPart(author, work.id, { questions: tooMany }), 400)).fields ?? {})).toContain('questions');
    const long = 'p'.repeat(config.works.previouslyMaxLength + 1);
    expect(Object.keys((await expectErrorShape(await postPart(author, work.id, { previously: long }), 400)).fields ?? {})).toContain('previously');
    expect(await count('drafts', 'work_id = ?', work.id)).toBe(0);
  });

  it('parts posted at the same moment number distinctly, 1 to n', async () => {
    const author = await signIn();
    await grantCredits(author.member.id, 10);
    const work = await startWork(author);
    const responses = await Promise.all(Array.from({ length: 6 }, (_, i) => postPart(author, work.id, { title: `Chapter ${i}` })));
    expect(responses.map((r) => r.status)).toEqual(Array(6).fill(201));
    const parts = await rows<{ part: number }>('SELECT part FROM drafts WHERE work_id = ? ORDER BY part', work.id);
    expect(parts.map((p) => p.part)).toEqual([1, 2, 3, 4, 5, 6]);
    await expectLedgerInvariants();
  });
});

describe('returning readers', () => {
  async function workWithReader(wanted = 1) {
    const author = await signIn();
    const reader = await signIn();
    const stranger = await signIn();
    await grantCredits(author.member.id, 10);
    const work = await startWork(author);
    const one = await postPartOk(author, work.id);
    await reviewed(reader, one.id);
    const now = Date.now();
    const two = await postPartOk(author, work.id, { reviewsWanted: wanted }, now);
    return { author, reader, stranger, work, one, two, now };
  }

  it('the next part holds a slot for each returning reader and emails them, with one-click unsubscribe', async () => {
    const { reader, two } = await workWithReader();
    expect(await rows('SELECT member_id, used_at FROM slot_holds WHERE draft_id = ?', two.id)).toEqual([{ member_id: reader.member.id, used_at: null }]);
    const [email] = await rows<{ kind: string; headers: string; text_body: string }>(
      `SELECT kind, headers, text_body FROM email_outbox WHERE member_id = ? AND kind = 'returning_readers'`,
      reader.member.id,
    );
    expect(email!.text_body).toContain('Continue reading');
    expect(JSON.parse(email!.headers)['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  });

  it('a returning reader who turned these emails off keeps the held slot but gets no email', async () => {
    const author = await signIn();
    const reader = await signIn();
    const work = await startWork(author);
    const one = await postPartOk(author, work.id);
    await reviewed(reader, one.id);
    await call('/api/v1/me', { method: 'PATCH', token: reader.token, body: { notifications: { returning: false } } });
    const two = await postPartOk(author, work.id);
    expect(await count('slot_holds', 'draft_id = ?', two.id)).toBe(1);
    expect(await count('email_outbox', `member_id = ? AND kind = 'returning_readers'`, reader.member.id)).toBe(0);
  });

  it('a stranger’s claim on a held slot is 409 slot_held; the reader finds it first in the queue, marked returning, and claims it', async () => {
    const { reader, stranger, two, now } = await workWithReader();
    await expectErrorShape(await claim(stranger, two.id, now + HOUR), 409, 'slot_held');
    const strangersQueue = await json<{ items: Array<{ id: string }> }>(await call('/api/v1/queue', { token: stranger.token, now: now + HOUR }));
    expect(strangersQueue.items.map((i) => i.id)).not.toContain(two.id);
    const queue = await json<{ items: Array<{ id: string; returning: boolean }> }>(await call('/api/v1/queue', { token: reader.token, now: now + HOUR }));
    expect(queue.items[0]).toMatchObject({ id: two.id, returning: true });
    expect(queue.items.filter((i) => i.id === two.id)).toHaveLength(1);
    expect((await claim(reader, two.id, now + HOUR)).status).toBe(201);
    expect((await rows<{ used_at: number }>('SELECT used_at FROM slot_holds WHERE draft_id = ?', two.id))[0]!.used_at).toBe(now + HOUR);
  });

  it('slots beyond the held ones stay open to all', async () => {
    const { stranger, two, now } = await workWithReader(2);
    expect((await claim(stranger, two.id, now + HOUR)).status).toBe(201);
  });

  it('a returning reader and a stranger claiming the held slot at once: the reader wins, the stranger gets 409', async () => {
    const { reader, stranger, two, now } = await workWithReader();
    const [mine, theirs] = await Promise.all([claim(reader, two.id, now + HOUR), claim(stranger, two.id, now + HOUR)]);
    expect(mine.status).toBe(201);
    await expectErrorShape(theirs, 409, 'slot_held');
    expect(await rows('SELECT reviewer_id FROM claims WHERE draft_id = ?', two.id)).toEqual([{ reviewer_id: reader.member.id }]);
  });

  it('after 24 hours the hold lapses (the cron records it) and anyone may claim', async () => {
    const { stranger, two, now } = await workWithReader();
    const later = now + config.works.holdLifetimeMs + 1000;
    const { runCron } = await import('./helpers');
    await runCron(later);
    expect((await rows<{ released_at: number }>('SELECT released_at FROM slot_holds WHERE draft_id = ?', two.id))[0]!.released_at).toBe(later);
    expect((await claim(stranger, two.id, later)).status).toBe(201);
  });
});

describe('revisions', () => {
  it('makes version 2 with previousVersionId, withdraws the open earlier version with its refund, and keeps reviews with their version', async () => {
    const author = await signIn();
    const reader = await signIn();
    await grantCredits(author.member.id, 10);
    const first = await json<Draft>(await call('/api/v1/drafts', { token: author.token, body: { title: 'Essay', body: draftBody(), genre: 'essay', reviewsWanted: 2 } }));
    await reviewed(reader, first.id);
    const before = await balance(author.member.id);
    const response = await revise(author, first.id, { note: 'Tightened the middle.' });
    expect(response.status).toBe(201);
    const second = await json<Draft>(response);
    expect(second).toMatchObject({ version: 2, previousVersionId: first.id, status: 'open', genre: 'essay' });
    expect((await rows<{ status: string }>('SELECT status FROM drafts WHERE id = ?', first.id))[0]!.status).toBe('withdrawn');
    // One slot of the first version was unused: refunded; the new version costs one.
    expect(await balance(author.member.id)).toBe(before + 1 - 1);
    expect(await rows('SELECT draft_id FROM reviews WHERE reviewer_id = ?', reader.member.id)).toEqual([{ draft_id: first.id }]);
    expect(await count('slot_holds', 'draft_id = ? AND member_id = ?', second.id, reader.member.id)).toBe(1);
    await expectLedgerInvariants();
  });

  it('a revision posted twice at once makes one version; the other is 409 already_revised', async () => {
    const author = await signIn();
    await grantCredits(author.member.id, 10);
    const first = await json<Draft>(await call('/api/v1/drafts', { token: author.token, body: { title: 'Essay', body: draftBody(), genre: 'essay', reviewsWanted: 1 } }));
    const responses = await Promise.all([revise(author, first.id), revise(author, first.id), revise(author, first.id)]);
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    for (const r of responses.filter((r) => r.status === 409)) await expectErrorShape(r, 409, 'already_revised');
    expect(await count('drafts', 'previous_version_id = ?', first.id)).toBe(1);
    await expectLedgerInvariants();
  });

  it('only the author revises (403), an unknown draft is 404, an older version is 409, bad input is 400', async () => {
    const author = await signIn();
    const other = await signIn();
    await grantCredits(author.member.id, 10);
    const first = await json<Draft>(await call('/api/v1/drafts', { token: author.token, body: { title: 'Essay', body: draftBody(), genre: 'essay', reviewsWanted: 1 } }));
    await expectErrorShape(await revise(other, first.id), 403, 'forbidden');
    await expectErrorShape(await revise(author, 'nope'), 404, 'not_found');
    await expectErrorShape(await revise(author, first.id, { reviewsWanted: 9 }), 400);
    await expectErrorShape(await revise(author, first.id, { questions: ['a?', 'b?', 'c?', 'd?'] }), 400);
    expect(await count('drafts', 'previous_version_id = ?', first.id)).toBe(0);
    expect((await revise(author, first.id)).status).toBe(201);
    await expectErrorShape(await revise(author, first.id), 409, 'already_revised');
  });

  it('GET /changes compares paragraphs with the previous version', async () => {
    const author = await signIn();
    const reader = await signIn();
    await grantCredits(author.member.id, 10);
    const text = ['The first paragraph stays as it is.', 'The second paragraph will be rewritten a little here.', 'The third goes.'];
    const first = await json<Draft>(await call('/api/v1/drafts', { token: author.token, body: { title: 'E', body: text.join('\n\n'), genre: 'essay', reviewsWanted: 1 } }));
    const newText = [text[0], 'The second paragraph was rewritten a little here.', 'A brand new closing thought entirely.'];
    const second = await json<Draft>(await revise(author, first.id, { body: newText.join('\n\n') }));
    const changes = await json(await call(`/api/v1/drafts/${second.id}/changes`, { token: reader.token }));
    expect(changes).toEqual({
      previousVersionId: first.id,
      blocks: [
        { change: 'same', paragraph: 0, previousParagraph: 0 },
        { change: 'changed', paragraph: 1, previousParagraph: 1 },
        { change: 'added', paragraph: 2, previousParagraph: null },
        { change: 'removed', paragraph: null, previousParagraph: 2 },
      ],
    });
    const versions = await json(await call(`/api/v1/drafts/${first.id}/changes`, { token: author.token }));
    expect(versions.previousVersionId).toBeNull();
    await expectErrorShape(await call('/api/v1/drafts/nope/changes', { token: author.token }), 404, 'not_found');
  });
});

describe('the paragraph comparison', () => {
  const p = (...xs: string[]) => xs;
  it('identical text is all same', () => {
    expect(compareParagraphs(p('a b c', 'd e f'), p('a b c', 'd e f')).map((b) => b.change)).toEqual(['same', 'same']);
  });
  it('everything new is added, everything old removed', () => {
    expect(compareParagraphs(p('a b c'), p('x y z', 'u v w'))).toEqual([
      { change: 'added', paragraph: 0, previousParagraph: null },
      { change: 'added', paragraph: 1, previousParagraph: null },
      { change: 'removed', paragraph: null, previousParagraph: 0 },
    ]);
  });
  it('a removed paragraph sits before the first kept paragraph that followed it', () => {
    expect(compareParagraphs(p('one a', 'two b', 'three c'), p('one a', 'three c')).map((b) => b.change)).toEqual(['same', 'removed', 'same']);
  });
  it('reordered paragraphs are same, pointing at where they were', () => {
    expect(compareParagraphs(p('one a', 'two b', 'three c'), p('three c', 'one a', 'two b'))).toEqual([
      { change: 'same', paragraph: 0, previousParagraph: 2 },
      { change: 'same', paragraph: 1, previousParagraph: 0 },
      { change: 'same', paragraph: 2, previousParagraph: 1 },
    ]);
  });
  it('one paragraph split in two: the first half changed, the second added', () => {
    const whole = `${words(20, 'x')} ${words(20, 'y')}`;
    expect(compareParagraphs(p(whole), p(words(20, 'x'), words(20, 'y')))).toEqual([
      { change: 'changed', paragraph: 0, previousParagraph: 0 },
      { change: 'added', paragraph: 1, previousParagraph: null },
    ]);
  });
});

describe('the author’s questions', () => {
  const questions = ['Does the opening hook you?', 'Is the ending earned?'];
  async function draftWithQuestions() {
    const author = await signIn();
    const reviewer = await signIn();
    const draft = await json<Draft>(
      await call('/api/v1/drafts', { token: author.token, body: { title: 'Q', body: draftBody(), genre: 'fiction', reviewsWanted: 1, questions } }),
    );
    return { author, reviewer, draft };
  }
  const answer = (question: number, n: number = config.reviews.minAnswerWords) => ({ question, body: words(n, `a${question}x`) });

  it('the draft carries its questions; a review answering each is 201 and the author sees the answers in the API and the email', async () => {
    const { author, reviewer, draft } = await draftWithQuestions();
    expect(draft.questions).toEqual(questions);
    const created = await reviewed(reviewer, draft.id, reviewOf({ answers: [answer(1), answer(0)] }));
    expect(created.answers).toEqual([answer(0), answer(1)]);
    const list = await json(await call(`/api/v1/drafts/${draft.id}/reviews`, { token: author.token }));
    expect(list.items[0].answers).toEqual([answer(0), answer(1)]);
    const [email] = await rows<{ text_body: string }>(`SELECT text_body FROM email_outbox WHERE member_id = ? AND kind = 'review_received'`, author.member.id);
    expect(email!.text_body).toContain(questions[0]);
    expect(email!.text_body).toContain(answer(1).body);
  });

  it('answers count toward the minimum words', async () => {
    const { reviewer, draft } = await draftWithQuestions();
    const overall = config.reviews.minWords - 2 * config.reviews.minAnswerWords;
    expect((await review(reviewer, draft.id, { body: words(overall, 'own'), answers: [answer(0), answer(1)] })).status).toBe(201);
  });

  it.each([
    ['missing', [answer(0)]],
    ['short', [answer(0), answer(1, config.reviews.minAnswerWords - 1)]],
    ['for a question that does not exist', [answer(0), answer(1), answer(2)]],
    ['repeated', [answer(0), answer(0)]],
  ])('an answer %s is 400 naming answers, and nothing is written', async (_, answers) => {
    const { reviewer, draft } = await draftWithQuestions();
    const error = await expectErrorShape(await review(reviewer, draft.id, reviewOf({ answers })), 400);
    expect(error.fields?.answers).toBeTruthy();
    expect(await count('reviews', 'draft_id = ?', draft.id)).toBe(0);
  });
});

describe('own words', () => {
  const passage = words(30, 'story');
  async function draftOf(body: string) {
    const author = await signIn();
    const reviewer = await signIn();
    const draft = await json<Draft>(await call('/api/v1/drafts', { token: author.token, body: { title: 'O', body, genre: 'fiction', reviewsWanted: 1 } }));
    return { reviewer, draft };
  }

  it('a passage copied from the draft does not count toward the minimum, also inside a Markdown quote', async () => {
    const { reviewer, draft } = await draftOf(passage);
    for (const body of [`${words(130, 'own')} ${passage}`, `${words(130, 'own')}\n\n> ${passage}`]) {
      const error = await expectErrorShape(await review(reviewer, draft.id, { body }), 400);
      expect(error.fields?.body).toContain('this one has 130');
      expect(error.fields?.body).toContain('30 words copied from the draft');
    }
    // Seven words in a row are the reviewer's own: they count.
    const sevens = Array.from({ length: 4 }, (_, i) => words(30, 'story').split(' ').slice(i * 8, i * 8 + 7).join(' ')).join(' · mine · ');
    expect((await review(reviewer, draft.id, { body: `${words(120, 'own')} ${sevens}` })).status).toBe(201);
  });

  it(`repeated filler with fewer than ${config.reviews.minDistinctWords} distinct words is 400 low_effort, saying what to do`, async () => {
    const { reviewer, draft } = await draftOf(draftBody());
    const filler = Array.from({ length: 200 }, (_, i) => `good${i % 40}`).join(' ');
    const error = await expectErrorShape(await review(reviewer, draft.id, { body: filler }), 400, 'low_effort');
    expect(error.message).toContain('own words');
    expect(await count('reviews', 'draft_id = ?', draft.id)).toBe(0);
  });

  it('matches words in any script: Cyrillic and Greek copied passages do not count', async () => {
    const russian = Array.from({ length: 20 }, (_, i) => `слово${'абвгдежзиклмнопрстуф'[i]}`).join(' ');
    const greek = Array.from({ length: 20 }, (_, i) => `λέξη${'αβγδεζηθικλμνξοπρστυ'[i]}`).join(' ');
    const { reviewer, draft } = await draftOf(`${russian}\n\n${greek}`);
    const error = await expectErrorShape(await review(reviewer, draft.id, { body: `${words(140, 'own')} ${russian.toUpperCase()} ${greek}` }), 400);
    expect(error.fields?.body).toContain('this one has 140');
  });
});

describe('cost', () => {
  const rowsRead = (response: Response) => Number(/d1-rows-read;desc=(\d+)/.exec(response.headers.get('server-timing') ?? '')?.[1]);

  /** Open drafts by someone else, straight into the table: what a busy exchange holds. */
  async function crowd(authorId: string, n: number, start: number) {
    const { env } = await import('cloudflare:test');
    await env.DB.prepare(
      `WITH RECURSIVE k(i) AS (SELECT ?1 UNION ALL SELECT i + 1 FROM k WHERE i < ?1 + ?2 - 1)
       INSERT INTO drafts (id, author_id, title, body, genre, word_count, price_per_review, reviews_wanted, created_at, original_id)
       SELECT 'crowd' || i, ?3, 'Crowd ' || i, 'Words here.', 'fiction', 2, 1, 1, i, 'crowd' || i FROM k`,
    ).bind(start, n, authorId).run();
  }

  it('the queue, a work page and a part page read as many rows with 400 more drafts in the database as with 40', async () => {
    const author = await signIn();
    const reader = await signIn();
    const crowdAuthor = await signIn();
    await grantCredits(author.member.id, 10);
    const work = await startWork(author);
    const one = await postPartOk(author, work.id);
    await reviewed(reader, one.id);
    const two = await postPartOk(author, work.id);
    const measure = async () => [
      rowsRead(await call('/api/v1/queue', { token: reader.token })),
      rowsRead(await call(`/works/${work.id}`, { cookie: `__Host-volley_session=${reader.token}` })),
      rowsRead(await call(`/drafts/${two.id}`, { cookie: `__Host-volley_session=${reader.token}` })),
    ];
    await crowd(crowdAuthor.member.id, 40, 1);
    const before = await measure();
    await crowd(crowdAuthor.member.id, 400, 1000);
    expect(await measure()).toEqual(before);
  });
});
