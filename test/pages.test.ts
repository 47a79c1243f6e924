import { describe, expect, it } from 'vitest';
import { config } from '../src/config';
import {
  balance,
  call,
  cookieOf,
  count,
  draftBody,
  ORIGIN,
  postDraftOk,
  reviewOf,
  rows,
  signIn,
  words,
  type SignedInMember,
} from './helpers';

const hour = 60 * 60 * 1000;
const welcome = config.credits.welcomeGrant;

/** A page as the member's browser gets it. */
async function open(path: string, member: SignedInMember | null, now?: number) {
  const response = await call(path, { cookie: member ? cookieOf(member) : undefined, now });
  return { status: response.status, location: response.headers.get('location'), html: await response.text(), response };
}

/** A form post from one of our own pages. */
async function submit(path: string, member: SignedInMember | null, fields: Record<string, string>, now?: number) {
  const response = await call(path, {
    method: 'POST',
    cookie: member ? cookieOf(member) : undefined,
    rawBody: new URLSearchParams(fields).toString(),
    headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
    now,
  });
  return { status: response.status, location: response.headers.get('location'), html: await response.text() };
}

/** The text inside the element with this id (tags stripped), or null. */
function textOf(html: string, id: string): string | null {
  const start = html.indexOf(` id="${id}"`);
  if (start < 0) return null;
  const open = html.lastIndexOf('<', start);
  const tag = html.slice(open + 1).match(/^[a-z0-9]+/)![0];
  let depth = 0;
  const pattern = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  pattern.lastIndex = open;
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return decode(html.slice(open, match.index).replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
  }
  return null;
}

const decode = (text: string) =>
  text.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** An element's opening tag by id, to check its attributes. */
const tagOf = (html: string, id: string) => html.match(new RegExp(`<[a-z]+[^>]* id="${id}"[^>]*>`))?.[0] ?? '';

/** A claim through the pages, with its id read back from the review page. */
async function claimThroughPage(reviewer: SignedInMember, draftId: string, now?: number) {
  const claimed = await submit(`/drafts/${draftId}/claim`, reviewer, {}, now);
  expect(claimed.status).toBe(303);
  expect(claimed.location).toBe(`/drafts/${draftId}/review`);
  const [claim] = await rows<{ id: string }>(
    "SELECT id FROM claims WHERE draft_id = ? AND reviewer_id = ? AND status = 'active'",
    draftId,
    reviewer.member.id,
  );
  return claim!.id;
}

/** A draft with one review in, sent through the review form with a comment on paragraph 2. */
async function reviewedThroughPages() {
  const author = await signIn();
  const reviewer = await signIn();
  const draft = await postDraftOk(author, { title: 'Harbour Lights', reviewsWanted: 2, body: draftBody(3, 30) });
  await claimThroughPage(reviewer, draft.id);
  const sent = await submit(`/drafts/${draft.id}/reviews`, reviewer, {
    body: words(150, 'overall'),
    'inline[1]': 'The middle paragraph drags; cut the second sentence.',
  });
  expect(sent.status).toBe(303);
  const [review] = await rows<{ id: string }>('SELECT id FROM reviews WHERE draft_id = ?', draft.id);
  return { author, reviewer, draft, reviewId: review!.id, sent };
}

describe('signed out', () => {
  it('every member page sends the visitor to the sign-in form', async () => {
    for (const path of ['/dashboard', '/drafts/new', '/drafts', '/drafts/abc', '/drafts/abc/review', '/queue', '/credits']) {
      const page = await open(path, null);
      expect(page.status, path).toBe(303);
      expect(page.location, path).toBe('/#sign-in');
    }
    const post = await submit('/drafts', null, { title: 'x' });
    expect(post.status).toBe(303);
    expect(post.location).toBe('/#sign-in');
  });
});

describe('pages', () => {
  it('are HTML in standards mode with no inline script or style, and noindex', async () => {
    const member = await signIn();
    for (const path of ['/dashboard', '/drafts/new', '/queue', '/credits']) {
      const page = await open(path, member);
      expect(page.status, path).toBe(200);
      expect(page.html.startsWith('<!DOCTYPE html>'), path).toBe(true);
      expect(page.html, path).not.toMatch(/\sstyle="/);
      expect(page.html.match(/<script[^>]*>/g), path).toEqual([expect.stringContaining('src="/assets/app.js"')]);
      expect(page.response.headers.get('x-robots-tag')).toContain('noindex');
    }
  });

  it('show the balance and the way around in the header', async () => {
    const member = await signIn();
    const { html } = await open('/queue', member);
    const header = html.slice(html.indexOf('<header'), html.indexOf('</header>'));
    expect(header).toContain(`href="/credits"`);
    expect(header).toContain(`${welcome} credits`);
    expect(header).toMatch(/href="\/dashboard"[^>]*>Dashboard</);
    expect(header).toMatch(/href="\/queue" aria-current="page">Queue</);
    expect(header).toMatch(/href="\/drafts\/new"[^>]*>Post a draft</);
  });

  it('refuse a form posted from another site', async () => {
    const member = await signIn();
    const response = await call('/drafts', {
      method: 'POST',
      cookie: cookieOf(member),
      rawBody: 'title=x',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(403);
    expect(await count('drafts', 'author_id = ?', member.member.id)).toBe(0);
  });
});

describe('dashboard', () => {
  it('shows the balance, drafts with their progress, claims with time left, and reviews written', async () => {
    const member = await signIn();
    const other = await signIn();
    await postDraftOk(member, { title: 'My Own Story', reviewsWanted: 2 });
    const toClaim = await postDraftOk(other, { title: 'Their Story' });
    const reviewed = await postDraftOk(other, { title: 'Reviewed Story', reviewsWanted: 2 });
    const start = Date.now();
    await claimThroughPage(member, toClaim.id, start);
    await claimThroughPage(member, reviewed.id, start);
    expect((await submit(`/drafts/${reviewed.id}/reviews`, member, { body: reviewOf().body }, start)).status).toBe(303);

    const { status, html } = await open('/dashboard', member, start + 17 * hour);
    expect(status).toBe(200);
    expect(html).toContain(`You are signed in as ${member.email}.`);
    expect(textOf(html, 'main')).toContain(`${welcome - 2 + 1} credits`);
    expect(html).toContain('My Own Story');
    expect(html).toContain('0 of 2 reviews in');
    expect(html).toContain('Their Story');
    expect(html).toContain('claim ends in <strong>31 h</strong>');
    expect(html).toContain(`href="/drafts/${toClaim.id}/review"`);
    expect(textOf(html, 'written-heading')).toBe('Reviews you wrote');
    expect(html).toContain('Reviewed Story');
    expect(html).toContain('earned 1 credit');
    expect(html).toContain('href="/queue"');
    expect(html).toContain('href="/drafts/new"');
    expect(html).toContain('action="/auth/sign-out-everywhere"');
  });

  it('lists invitations received (to open and accept) and sent (to the draft, naming the invitee)', async () => {
    const member = await signIn();
    const inviter = await signIn();
    const invitee = await signIn();
    const invite = async (author: SignedInMember, title: string, memberId: string) => {
      const draft = await postDraftOk(author, { title, reviewsWanted: 1 });
      const response = await call(`/api/v1/drafts/${draft.id}/invitations`, { token: author.token, body: { memberId } });
      return { draft, invitation: (await response.json()) as { id: string } };
    };
    const received = await invite(inviter, 'Invited To Read', member.member.id);
    const sent = await invite(member, 'Asked Them To Read', invitee.member.id);

    const { html } = await open('/dashboard', member);
    const section = (heading: string) => html.slice(html.indexOf(`aria-labelledby="${heading}"`), html.indexOf('</section>', html.indexOf(`aria-labelledby="${heading}"`)));
    const forMe = section('invitations-heading');
    expect(forMe).toContain(`href="/invitations/${received.invitation.id}"`);
    expect(forMe).toContain('Invited To Read');
    expect(forMe).toContain(`from <a`);
    expect(forMe).toContain(inviter.member.name);
    expect(forMe).toContain(`action="/invitations/${received.invitation.id}/accept"`);
    const byMe = section('sent-heading');
    expect(byMe).toContain(`href="/drafts/${sent.draft.id}"`);
    expect(byMe).toContain('Asked Them To Read');
    expect(byMe).toContain(invitee.member.name);
    expect(byMe).not.toContain('from <a');
    expect(byMe).not.toContain('/accept"');
    expect(byMe).toContain('held until');
  });

  it('says what to do next when there is nothing yet', async () => {
    const member = await signIn();
    const { html } = await open('/dashboard', member);
    expect(html).toContain('No invitations yet.');
    expect(html).toContain('You have not invited anyone.');
    expect(html).toContain('No drafts yet.');
    expect(html).toContain('No claims in progress.');
    expect(html).toContain('You have not reviewed anything yet.');
  });
});

describe('posting a draft', () => {
  it('the form has a labelled field for everything, the genres and the price rule', async () => {
    const member = await signIn();
    const { status, html } = await open('/drafts/new', member);
    expect(status).toBe(200);
    for (const [id, label] of [
      ['draft-title', 'Title'],
      ['draft-genre', 'Genre'],
      ['draft-reviews', 'Reviews wanted'],
      ['draft-note', 'Note to reviewers'],
      ['draft-body', 'Your draft'],
    ]) {
      expect(html).toMatch(new RegExp(`<label for="${id}">${label}`));
      expect(tagOf(html, id!)).not.toBe('');
    }
    for (const genre of config.drafts.genres) expect(html).toContain(`<option value="${genre}"`);
    expect(html).toContain('1 credit a review up to 3,000 words');
    expect(html).toContain('data-price-bands=');
    expect(html).toContain(`You have <strong>${welcome} credits</strong>`);
  });

  it('shows each problem next to its field and keeps what was typed', async () => {
    const member = await signIn();
    const body = words(120, 'kept');
    const { status, html } = await submit('/drafts', member, { title: '  ', genre: 'cookbook', reviewsWanted: '2', note: '', body });
    expect(status).toBe(400);
    expect(textOf(html, 'draft-title-error')).toBe('Give the draft a title.');
    expect(tagOf(html, 'draft-title')).toContain('aria-invalid="true"');
    expect(tagOf(html, 'draft-title')).toContain('aria-describedby="draft-title-error"');
    expect(textOf(html, 'draft-genre-error')).toBe('Choose a genre from the list.');
    expect(textOf(html, 'draft-body-error')).toBeNull();
    expect(textOf(html, 'error-summary')).toContain('Give the draft a title.');
    expect(html).toContain(body);
    expect(html).toMatch(/<option value="2" selected="">2</);
    // The server prices what was typed, as app.js does live.
    expect(textOf(html, 'draft-cost')).toBe('120 words · costs 2 credits');
    expect(await count('drafts', 'author_id = ?', member.member.id)).toBe(0);
  });

  it('explains a shortfall of credits and points to the queue', async () => {
    const member = await signIn();
    const { status, html } = await submit('/drafts', member, {
      title: 'Too dear',
      genre: 'essay',
      reviewsWanted: '4',
      body: draftBody(),
    });
    expect(status).toBe(402);
    const error = textOf(html, 'draft-cost-error')!;
    expect(error).toContain(`This draft costs 4 credits and you have ${welcome}.`);
    expect(error).toContain('Review a draft to earn credits');
    expect(html).toMatch(/<a href="\/queue">Review a draft to earn credits<\/a>/);
    expect(await balance(member.member.id)).toBe(welcome);
  });

  it('posts, charges the price into escrow and opens the draft page', async () => {
    const member = await signIn();
    const posted = await submit('/drafts', member, {
      title: 'The Long Walk',
      genre: 'memoir',
      reviewsWanted: '2',
      note: 'Is the ending earned?',
      body: 'First paragraph here.\n\nSecond *paragraph* here.\n\n<script>alert(1)</script>',
    });
    expect(posted.status).toBe(303);
    const id = posted.location!.match(/^\/drafts\/([a-z2-7]+)\?posted=1$/)![1]!;
    expect(await balance(member.member.id)).toBe(welcome - 2);

    const { status, html } = await open(posted.location!, member);
    expect(status).toBe(200);
    expect(html).toContain('Your draft is posted. 2 credits are held in escrow');
    expect(html).toContain('<h1>The Long Walk</h1>');
    expect(html).toContain('0 of 2 reviews in');
    expect(textOf(html, 'p-1')).toBe('Paragraph 1 First paragraph here.');
    expect(html).toContain('<em>paragraph</em>');
    expect(textOf(html, 'p-3')).toBe('Paragraph 3 <script>alert(1)</script>');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('Is the ending earned?');
    expect(html).toContain('0 reviewed · 0 claimed · 2 free');
    expect(html).toContain('No reviews yet.');
    expect(html).toContain(`action="/drafts/${id}/withdraw"`);
  });

  it('lists the member’s drafts on /drafts', async () => {
    const member = await signIn();
    const draft = await postDraftOk(member, { title: 'Listed Draft' });
    const { html } = await open('/drafts', member);
    expect(html).toContain(`href="/drafts/${draft.id}"`);
    expect(html).toContain('0 of 1 review in');
  });
});

describe('the queue', () => {
  it('shows a card with what a reviewer needs to choose, and never the member’s own drafts', async () => {
    const author = await signIn();
    const reader = await signIn();
    const draft = await postDraftOk(author, { title: 'Night Ferry', genre: 'horror', note: 'Is it scary?', body: draftBody(2, 50) });
    const mine = await postDraftOk(reader, { title: 'Reader Own Draft', genre: 'horror' });

    const { status, html } = await open('/queue?genre=horror', reader);
    expect(status).toBe(200);
    expect(html).toContain('Night Ferry');
    expect(html).toContain('Horror');
    expect(html).toContain('100 words');
    expect(html).toContain('Is it scary?');
    expect(html).toContain('0 of 1 review in');
    expect(html).toContain('pays <strong>1 credit</strong>');
    expect(html).toContain(`action="/drafts/${draft.id}/claim"`);
    expect(html).toContain('Review this');
    expect(html).not.toContain(`/drafts/${mine.id}/claim`);
    expect(html).toMatch(/<option value="horror" selected="">Horror</);
  });

  it('says what to do when a genre has nothing, and explains an unknown genre', async () => {
    const member = await signIn();
    const empty = await open('/queue?genre=poetry', member);
    expect(empty.status).toBe(200);
    expect(empty.html).toContain('Nothing in the queue for poetry yet — <a href="/queue">try all genres</a>');

    const unknown = await open('/queue?genre=cookbook', member);
    expect(unknown.status).toBe(400);
    expect(textOf(unknown.html, 'queue-genre-error')).toMatch(/^Pick one of:/);
  });

  it('pages on with a cursor link that keeps the genre', async () => {
    const reader = await signIn();
    const authors = await Promise.all(Array.from({ length: 7 }, () => signIn()));
    for (const author of authors) {
      for (let i = 0; i < welcome; i++) await postDraftOk(author, { title: `Mystery ${i}`, genre: 'mystery' });
    }
    const first = await open('/queue?genre=mystery', reader);
    expect(first.html.match(/class="card queue-card"/g)).toHaveLength(config.pagination.pageSize);
    const next = first.html.match(/href="(\/queue\?genre=mystery&amp;cursor=[^"]+)">More drafts/)?.[1];
    expect(next).toBeDefined();
    const second = await open(decode(next!), reader);
    expect(second.html.match(/class="card queue-card"/g)).toHaveLength(authors.length * welcome - config.pagination.pageSize);
  });
});

describe('claiming and writing a review', () => {
  it('“Review this” claims a slot and opens the review page with every paragraph numbered', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const draft = await postDraftOk(author, { title: 'Tide Tables', body: draftBody(3, 20), note: 'Pacing?' });
    const now = Date.now();
    const claimId = await claimThroughPage(reviewer, draft.id, now);

    const { status, html } = await open(`/drafts/${draft.id}/review`, reviewer, now + hour);
    expect(status).toBe(200);
    expect(html).toContain('Your claim ends in <strong>47 h</strong>');
    expect(html).toContain(`action="/claims/${claimId}/release"`);
    expect(html).toContain('Pacing?');
    for (const index of [0, 1, 2]) {
      expect(textOf(html, `p-${index + 1}`)).toContain(`Paragraph ${index + 1}`);
      expect(html).toContain(`name="inline[${index}]"`);
      expect(html).toMatch(new RegExp(`<label for="inline-${index}"[^>]*>Your comment on paragraph ${index + 1}<`));
    }
    expect(html).not.toContain('name="inline[3]"');
    expect(html).toMatch(/<label for="review-body">Your overall review</);
    expect(html).toContain(`data-min-words="${config.reviews.minWords}"`);
    expect(html).toContain('Send review and earn 1 credit');
  });

  it('a short review is sent back with the reason beside the overall review, nothing lost', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const draft = await postDraftOk(author, { body: draftBody(3, 20) });
    await claimThroughPage(reviewer, draft.id);
    const { status, html } = await submit(`/drafts/${draft.id}/reviews`, reviewer, {
      body: 'Too short to help.',
      'inline[0]': '',
      'inline[2]': 'Nice ending.',
    });
    expect(status).toBe(400);
    expect(textOf(html, 'review-body-error')).toBe(
      `A review needs at least ${config.reviews.minWords} words, overall and inline together; this one has 6.`,
    );
    expect(tagOf(html, 'review-body')).toContain('aria-invalid="true"');
    expect(html).toContain('Too short to help.</textarea>');
    expect(html).toMatch(/<details class="comment-box" open="">(?:(?!<\/details>).)*Nice ending\.<\/textarea>/s);
    expect(await count('reviews', 'draft_id = ?', draft.id)).toBe(0);
  });

  it('an empty overall review is explained beside its field', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const draft = await postDraftOk(author);
    await claimThroughPage(reviewer, draft.id);
    const { status, html } = await submit(`/drafts/${draft.id}/reviews`, reviewer, { body: '   ', 'inline[1]': words(160) });
    expect(status).toBe(400);
    expect(textOf(html, 'review-body-error')).toBe('Write an overall review.');
  });

  it('a sent review pays the reviewer, and the page after says so', async () => {
    const { reviewer, draft, reviewId, sent } = await reviewedThroughPages();
    expect(sent.location).toBe(`/drafts/${draft.id}?sent=1#review-${reviewId}`);
    expect(await balance(reviewer.member.id)).toBe(welcome + 1);
    const inline = await rows<{ paragraph: number; body: string }>('SELECT paragraph, body FROM inline_comments WHERE review_id = ?', reviewId);
    expect(inline).toEqual([{ paragraph: 1, body: 'The middle paragraph drags; cut the second sentence.' }]);

    const { html } = await open(`/drafts/${draft.id}?sent=1`, reviewer);
    expect(html).toContain(`Review sent. You earned <strong>1 credit</strong>: your balance is now ${welcome + 1} credits.`);
    expect(html).toContain('Your review');
    expect(html).toContain('earned you 1 credit');
  });

  it('the review page sends the author, and a member who has reviewed, to the draft page', async () => {
    const { author, reviewer, draft } = await reviewedThroughPages();
    for (const member of [author, reviewer]) {
      const page = await open(`/drafts/${draft.id}/review`, member);
      expect(page.status).toBe(303);
      expect(page.location).toBe(`/drafts/${draft.id}`);
    }
  });

  it('claiming one’s own draft is refused in words, on a page', async () => {
    const author = await signIn();
    const draft = await postDraftOk(author);
    const { status, html } = await submit(`/drafts/${draft.id}/claim`, author, {});
    expect(status).toBe(403);
    expect(html).toContain('You cannot review your own draft.');
    expect(html).toContain('href="/queue"');
    expect(await count('claims', 'draft_id = ?', draft.id)).toBe(0);
  });

  it('a second “Review this” goes back to the review under way', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const draft = await postDraftOk(author);
    await claimThroughPage(reviewer, draft.id);
    const again = await submit(`/drafts/${draft.id}/claim`, reviewer, {});
    expect(again.status).toBe(303);
    expect(again.location).toBe(`/drafts/${draft.id}/review`);
  });

  it('“Release claim” gives the slot back', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const draft = await postDraftOk(author);
    const claimId = await claimThroughPage(reviewer, draft.id);
    const released = await submit(`/claims/${claimId}/release`, reviewer, {});
    expect(released.status).toBe(303);
    expect(released.location).toBe('/dashboard?released=1');
    expect((await rows<{ status: string }>('SELECT status FROM claims WHERE id = ?', claimId))[0]!.status).toBe('released');
    expect((await open('/dashboard?released=1', reviewer)).html).toContain('Claim released.');

    const page = await open(`/drafts/${draft.id}/review`, reviewer);
    expect(page.html).toContain('You do not hold a claim on this draft.');
    expect(page.html).toContain(`action="/drafts/${draft.id}/claim"`);
  });
});

describe('the draft page', () => {
  it('shows the author each inline comment beside its paragraph, linked both ways', async () => {
    const { author, draft, reviewId } = await reviewedThroughPages();
    const { status, html } = await open(`/drafts/${draft.id}`, author);
    expect(status).toBe(200);
    expect(html).toContain('1 of 2 reviews in');
    expect(html).toContain('1 reviewed · 0 claimed · 1 free');
    const row = textOf(html, 'p-2')!;
    expect(row).toContain('The middle paragraph drags; cut the second sentence.');
    expect(textOf(html, 'p-1')).not.toContain('drags');
    expect(html).toContain('<a class="para-num" href="#notes-2"');
    expect(html).toMatch(new RegExp(`id="note-${reviewId}-0"`));
    expect(html).toMatch(/<a href="#p-2"[^>]*>¶ 2<\/a>/);
    expect(html).toContain(`href="#note-${reviewId}-0">¶ 2</a>`);
    expect(textOf(html, `review-${reviewId}`)).toContain(words(150, 'overall'));
    expect(html).toContain(`action="/reviews/${reviewId}/rating"`);
    expect(html).toContain(`action="/reviews/${reviewId}/replies"`);
  });

  it('the author rates a review once; “helpful” pays the reviewer a bonus', async () => {
    const { author, reviewer, draft, reviewId } = await reviewedThroughPages();
    const rated = await submit(`/reviews/${reviewId}/rating`, author, { helpful: '1' });
    expect(rated.status).toBe(303);
    expect(rated.location).toBe(`/drafts/${draft.id}?rated=1#review-${reviewId}`);
    expect(await balance(reviewer.member.id)).toBe(welcome + 1 + config.credits.helpfulBonus);

    const { html } = await open(`/drafts/${draft.id}?rated=1`, author);
    expect(html).toContain('Rating saved.');
    expect(html).toContain('You marked this review helpful');
    expect(html).not.toContain(`action="/reviews/${reviewId}/rating"`);

    const again = await submit(`/reviews/${reviewId}/rating`, author, { helpful: '0' });
    expect(again.status).toBe(409);
    expect(again.html).toContain('You have already rated this review.');

    const reviewerView = await open(`/drafts/${draft.id}`, reviewer);
    expect(reviewerView.html).toContain('The author marked this review helpful');
  });

  it('a rating without a choice is explained', async () => {
    const { author, reviewId } = await reviewedThroughPages();
    const { status, html } = await submit(`/reviews/${reviewId}/rating`, author, {});
    expect(status).toBe(400);
    expect(html).toContain('Choose “Helpful” or “Not helpful”.');
  });

  it('author and reviewer reply in the review’s thread; an empty reply is explained beside its box', async () => {
    const { author, reviewer, draft, reviewId } = await reviewedThroughPages();
    const empty = await submit(`/reviews/${reviewId}/replies`, author, { body: '  ' });
    expect(empty.status).toBe(400);
    expect(textOf(empty.html, `reply-body-${reviewId}-error`)).toBe('Write the reply.');
    expect(tagOf(empty.html, `reply-body-${reviewId}`)).toContain('aria-invalid="true"');

    const replied = await submit(`/reviews/${reviewId}/replies`, author, { body: 'Thank you, *very* useful.' });
    expect(replied.status).toBe(303);
    expect(replied.location).toMatch(new RegExp(`^/drafts/${draft.id}\\?replied=1#reply-[a-z2-7]+$`));
    const back = await submit(`/reviews/${reviewId}/replies`, reviewer, { body: 'Glad it helped.' });
    expect(back.status).toBe(303);

    const { html } = await open(`/drafts/${draft.id}`, reviewer);
    expect(html).toContain('Thank you, <em>very</em> useful.');
    expect(html).toContain('Glad it helped.');
    expect(html).toContain('Reply to the author');
  });

  it('a member who is neither author nor reviewer sees the text and “Review this”, not the reviews', async () => {
    const { draft } = await reviewedThroughPages();
    const stranger = await signIn();
    const { status, html } = await open(`/drafts/${draft.id}`, stranger);
    expect(status).toBe(200);
    expect(html).toContain('Harbour Lights');
    expect(html).toContain(`action="/drafts/${draft.id}/claim"`);
    expect(html).not.toContain('The middle paragraph drags');
    expect(html).not.toContain('withdraw');
  });

  it('the author withdraws an open draft and gets the free slots back', async () => {
    const author = await signIn();
    const draft = await postDraftOk(author, { reviewsWanted: 3 });
    expect(await balance(author.member.id)).toBe(welcome - 3);
    const withdrawn = await submit(`/drafts/${draft.id}/withdraw`, author, {});
    expect(withdrawn.status).toBe(303);
    expect(withdrawn.location).toBe(`/drafts/${draft.id}?withdrawn=1`);
    expect(await balance(author.member.id)).toBe(welcome);
    const { html } = await open(`/drafts/${draft.id}?withdrawn=1`, author);
    expect(html).toContain('Draft withdrawn.');
    expect(html).not.toContain(`action="/drafts/${draft.id}/withdraw"`);

    const again = await submit(`/drafts/${draft.id}/withdraw`, author, {});
    expect(again.status).toBe(409);
    expect(again.html).toContain('This draft is already withdrawn.');
  });

  it('an unknown draft is a 404 page', async () => {
    const member = await signIn();
    const { status, html } = await open('/drafts/nosuchdraft', member);
    expect(status).toBe(404);
    expect(html).toContain('That draft was not found.');
  });
});

describe('the credits page', () => {
  it('lists every entry newest first with what, when, which draft and the balance after', async () => {
    const member = await signIn();
    const draft = await postDraftOk(member, { title: 'Ledger Story', reviewsWanted: 2 });
    const { status, html } = await open('/credits', member);
    expect(status).toBe(200);
    const table = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
    const entries = table.split('<tr>').slice(1);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toContain('Posted “Ledger Story”');
    expect(entries[0]).toContain(`href="/drafts/${draft.id}"`);
    expect(entries[0]).toMatch(/−2<\/td>/);
    expect(entries[0]).toMatch(new RegExp(`>${welcome - 2}</td>`));
    expect(entries[1]).toContain('Welcome to Volley');
    expect(entries[1]).toMatch(new RegExp(`\\+${welcome}</td>`));
    expect(entries[1]).toMatch(new RegExp(`>${welcome}</td>`));
    expect(html).toMatch(/<time datetime="\d{4}-\d\d-\d\dT/);
    expect(html).toContain(`${welcome - 2} credit`);
  });

  it('a bad page cursor is a 400 page, not a crash', async () => {
    const member = await signIn();
    const { status, html } = await open('/credits?cursor=nonsense', member);
    expect(status).toBe(400);
    expect(html).toContain('That page cursor is not valid');
  });
});

describe('who sees what on the draft page', () => {
  it('shows the author every review, a reviewer only their own, anyone else none; a withdrawn draft not to a stranger', async () => {
    const author = await signIn();
    const [first, second, stranger] = [await signIn(), await signIn(), await signIn()];
    const draft = await postDraftOk(author, { reviewsWanted: 2 });
    for (const [reviewer, marker] of [[first, 'firstreviewmarker'], [second, 'secondreviewmarker']] as const) {
      const body = reviewOf({ body: `${marker} ${reviewOf().body}` });
      const response = await call(`/api/v1/drafts/${draft.id}/reviews`, { token: reviewer.token, body });
      expect(response.status).toBe(201);
    }
    const seen = async (member: SignedInMember) => {
      const response = await call(`/drafts/${draft.id}`, { cookie: cookieOf(member) });
      expect(response.status).toBe(200);
      const html = await response.text();
      return ['firstreviewmarker', 'secondreviewmarker'].filter((marker) => html.includes(marker));
    };
    expect(await seen(author)).toEqual(['firstreviewmarker', 'secondreviewmarker']);
    expect(await seen(first)).toEqual(['firstreviewmarker']);
    expect(await seen(second)).toEqual(['secondreviewmarker']);
    expect(await seen(stranger)).toEqual([]);

    const open = await postDraftOk(author);
    expect((await call(`/api/v1/drafts/${open.id}/withdraw`, { method: 'POST', token: author.token })).status).toBe(200);
    expect((await call(`/drafts/${open.id}`, { cookie: cookieOf(author) })).status).toBe(200);
    expect((await call(`/drafts/${open.id}`, { cookie: cookieOf(stranger) })).status).toBe(404);
  });
});
