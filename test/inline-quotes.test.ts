import { describe, expect, it } from 'vitest';
import { config } from '../src/config';
import { call, draftBody, mailbox, postDraftOk, reviewOf, rows, signIn, type SignedInMember } from './helpers';

const page = async (path: string, member: SignedInMember) => (await call(path, { cookie: `__Host-volley_session=${member.token}` })).text();

/** The margin note of one inline comment, as HTML. */
const noteOf = (html: string, reviewId: string, position: number) => {
  const start = html.indexOf(`id="note-${reviewId}-${position}"`);
  return start < 0 ? '' : html.slice(start, html.indexOf('</div>', html.indexOf('class="note-body"', start)));
};

describe('inline comments show the words they quote', () => {
  it('beside the paragraph on the draft page, for the author and for the reviewer, and in the author’s email', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const draft = await postDraftOk(author, { title: 'Quoted Tides', body: draftBody(3, 30), reviewsWanted: 1 });
    const submitted = await call(`/api/v1/drafts/${draft.id}/reviews`, {
      token: reviewer.token,
      body: reviewOf({
        inline: [
          { paragraph: 1, quote: 'p1w3 p1w4 p1w5', body: 'This run of words lands.' },
          { paragraph: 2, quote: 'p2w10 p2w11', body: 'Cut these two.' },
        ],
      }),
    });
    expect(submitted.status).toBe(201);
    const review = (await submitted.json()) as { id: string };
    expect(await rows('SELECT quote FROM inline_comments WHERE review_id = ? ORDER BY position', review.id)).toEqual([
      { quote: 'p1w3 p1w4 p1w5' },
      { quote: 'p2w10 p2w11' },
    ]);

    for (const viewer of [author, reviewer]) {
      const html = await page(`/drafts/${draft.id}`, viewer);
      expect(noteOf(html, review.id, 0)).toMatch(/<blockquote class="note-quote">p1w3 p1w4 p1w5<\/blockquote>/);
      expect(noteOf(html, review.id, 1)).toMatch(/<blockquote class="note-quote">p2w10 p2w11<\/blockquote>/);
    }

    const email = (await mailbox()).filter((m) => m.to === author.email && m.subject.includes('reviewed')).at(-1)!;
    expect(email.text).toContain('¶ 2 “p1w3 p1w4 p1w5”: This run of words lands.');
    expect(email.text).toContain('¶ 3 “p2w10 p2w11”: Cut these two.');
    expect(email.html).toContain('¶ 2 “p1w3 p1w4 p1w5”: This run of words lands.');
    expect(email.html).toContain('¶ 3 “p2w10 p2w11”: Cut these two.');
  });

  it('the email quotes the first few and says how many more wait on the page', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const draft = await postDraftOk(author, { title: 'Many Notes', body: draftBody(1, 40), reviewsWanted: 1 });
    const shown = config.reviews.inlineCommentsEmailed;
    const inline = Array.from({ length: shown + 2 }, (_, i) => ({ paragraph: 0, quote: `p0w${i}`, body: `Note number ${i}.` }));
    expect((await call(`/api/v1/drafts/${draft.id}/reviews`, { token: reviewer.token, body: reviewOf({ inline }) })).status).toBe(201);
    const email = (await mailbox()).filter((m) => m.to === author.email && m.subject.includes('reviewed')).at(-1)!;
    expect(email.text).toContain(`¶ 1 “p0w${shown - 1}”: Note number ${shown - 1}.`);
    expect(email.text).not.toContain(`“p0w${shown}”`);
    expect(email.text).toContain('…and 2 more on the draft’s page.');
  });
});
