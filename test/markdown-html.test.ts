import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { config } from '../src/config';
import { excerpt } from '../src/lib/markdown';
import { call, cookieOf, grantCredits, json, postDraftOk, reviewOf, rows, runCron, signIn, words, type SignedInMember } from './helpers';

/** Markdown whose rendering is easy to recognise: each paragraph has emphasis, one a raw tag and a javascript: link. */
const body = `**Bold** opening ${words(20, 'a')}\n\nSecond *para* <script>alert(1)</script> [x](javascript:alert(1)) ${words(20, 'b')}`;
const paragraphsHtml = [
  `<p><strong>Bold</strong> opening ${words(20, 'a')}</p>\n`,
  `<p>Second <em>para</em> &lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1)) ${words(20, 'b')}</p>\n`,
];

const page = async (path: string, member: SignedInMember) => (await call(path, { cookie: cookieOf(member) })).text();
const draftRow = async (id: string) =>
  (await rows<{ paragraphs_html: string | null; excerpt: string | null }>('SELECT paragraphs_html, excerpt FROM drafts WHERE id = ?', id))[0]!;

/** A draft with one question and a slot still free, reviewed with an inline comment and an answer, and replied to by its author. */
async function reviewedDraft() {
  const author = await signIn();
  const reviewer = await signIn();
  const draft = await json<{ id: string }>(
    await call('/api/v1/drafts', { token: author.token, body: { title: 'Rendered', body, genre: 'fiction', reviewsWanted: 2, questions: ['Does it hook you?'] } }),
  );
  const submitted = await call(`/api/v1/drafts/${draft.id}/reviews`, {
    token: reviewer.token,
    body: reviewOf({
      body: `The *overall* view. ${words(160, 'rev')}`,
      inline: [{ paragraph: 1, body: 'This **lands** <b>hard</b>.' }],
      answers: [{ question: 0, body: `It _does_ hook me, ${words(10, 'ans')}` }],
    }),
  });
  expect(submitted.status).toBe(201);
  const review = await json<{ id: string; answers: unknown[]; inline: unknown[]; body: string }>(submitted);
  const replied = await call(`/api/v1/reviews/${review.id}/replies`, { token: author.token, body: { body: 'Thank you, **truly**.' } });
  expect(replied.status).toBe(201);
  const reply = await json<{ id: string }>(replied);
  return { author, reviewer, draft, review, reply };
}

describe('Markdown is rendered once, when written', () => {
  it('a posted draft stores each paragraph’s HTML and its plain-text excerpt, with raw HTML escaped and javascript: links dropped', async () => {
    const author = await signIn();
    const draft = await postDraftOk(author, { body });
    const row = await draftRow(draft.id);
    expect(JSON.parse(row.paragraphs_html!)).toEqual(paragraphsHtml);
    expect(row.excerpt).toBe(excerpt(body));
    expect(row.excerpt).toMatch(/^Bold opening a0 a1/);
    expect(row.paragraphs_html).not.toContain('href="javascript');
  });

  it('a work’s next part and a new version store theirs too', async () => {
    const author = await signIn();
    await grantCredits(author.member.id, 5);
    const work = await json<{ id: string }>(await call('/api/v1/works', { token: author.token, body: { title: 'W', genre: 'fantasy' } }));
    const part = await json<{ id: string }>(await call('/api/v1/drafts', { token: author.token, body: { title: 'One', body, reviewsWanted: 1, workId: work.id } }));
    expect(JSON.parse((await draftRow(part.id)).paragraphs_html!)).toEqual(paragraphsHtml);
    const revised = await call(`/api/v1/drafts/${part.id}/revisions`, { token: author.token, body: { body: `Now _three_\n\n${body}`, reviewsWanted: 1 } });
    expect(revised.status).toBe(201);
    const version = await json<{ id: string }>(revised);
    expect(JSON.parse((await draftRow(version.id)).paragraphs_html!)).toEqual(['<p>Now <em>three</em></p>\n', ...paragraphsHtml]);
    expect((await draftRow(version.id)).excerpt).toMatch(/^Now three Bold opening/);
  });

  it('a review stores the HTML of its body, inline comments and answers, and a reply its own; the API shows only the Markdown', async () => {
    const { review, reply } = await reviewedDraft();
    const [stored] = await rows<{ body_html: string; answers: string }>('SELECT body_html, answers FROM reviews WHERE id = ?', review.id);
    expect(stored!.body_html).toBe(`<p>The <em>overall</em> view. ${words(160, 'rev')}</p>\n`);
    expect(JSON.parse(stored!.answers)).toEqual([
      { question: 0, body: `It _does_ hook me, ${words(10, 'ans')}`, html: `<p>It <em>does</em> hook me, ${words(10, 'ans')}</p>\n` },
    ]);
    expect(await rows('SELECT body_html FROM inline_comments WHERE review_id = ?', review.id)).toEqual([
      { body_html: '<p>This <strong>lands</strong> &lt;b&gt;hard&lt;/b&gt;.</p>\n' },
    ]);
    expect(await rows('SELECT body_html FROM replies WHERE id = ?', reply.id)).toEqual([{ body_html: '<p>Thank you, <strong>truly</strong>.</p>\n' }]);
    expect(review.answers).toEqual([{ question: 0, body: `It _does_ hook me, ${words(10, 'ans')}` }]);
  });
});

describe('reads show the stored HTML', () => {
  it('the draft page shows what is stored for the paragraphs, review, inline comment, answer and reply, not a fresh rendering', async () => {
    const { author, draft, review, reply } = await reviewedDraft();
    await env.DB.batch([
      env.DB.prepare('UPDATE drafts SET paragraphs_html = ? WHERE id = ?').bind(JSON.stringify(['<p>stored one</p>', '<p>stored two</p>']), draft.id),
      env.DB.prepare(`UPDATE reviews SET body_html = '<p>stored review</p>', answers = json_set(answers, '$[0].html', '<p>stored answer</p>') WHERE id = ?`).bind(review.id),
      env.DB.prepare(`UPDATE inline_comments SET body_html = '<p>stored note</p>' WHERE review_id = ?`).bind(review.id),
      env.DB.prepare(`UPDATE replies SET body_html = '<p>stored reply</p>' WHERE id = ?`).bind(reply.id),
    ]);
    const html = await page(`/drafts/${draft.id}`, author);
    for (const stored of ['stored one', 'stored two', 'stored review', 'stored answer', 'stored note', 'stored reply']) expect(html).toContain(`<p>${stored}</p>`);
    expect(html).not.toContain('<strong>Bold</strong>');
  });

  it('the review page shows the draft’s stored paragraphs', async () => {
    const author = await signIn();
    const reader = await signIn();
    const draft = await postDraftOk(author, { body });
    await env.DB.prepare('UPDATE drafts SET paragraphs_html = ? WHERE id = ?').bind(JSON.stringify(['<p>kept one</p>', '<p>kept two</p>']), draft.id).run();
    const html = await page(`/drafts/${draft.id}/review`, reader);
    expect(html).toContain('<p>kept one</p>');
    expect(html).toContain('<p>kept two</p>');
  });

  it('the queue shows the stored excerpt', async () => {
    const author = await signIn();
    const reader = await signIn();
    const draft = await postDraftOk(author, { body });
    await env.DB.prepare(`UPDATE drafts SET excerpt = 'the stored excerpt' WHERE id = ?`).bind(draft.id).run();
    const queue = await json<{ items: Array<{ id: string; excerpt: string }> }>(await call('/api/v1/queue', { token: reader.token }));
    expect(queue.items.find((item) => item.id === draft.id)?.excerpt).toBe('the stored excerpt');
  });
});

describe('rows written before HTML was stored', () => {
  /** The reviewed draft as the migration left rows written before it: no HTML anywhere. */
  async function oldRows() {
    const written = await reviewedDraft();
    await env.DB.batch([
      env.DB.prepare('UPDATE drafts SET paragraphs_html = NULL, excerpt = NULL WHERE id = ?').bind(written.draft.id),
      env.DB.prepare(`UPDATE reviews SET body_html = NULL, answers = json_remove(answers, '$[0].html') WHERE id = ?`).bind(written.review.id),
      env.DB.prepare('UPDATE inline_comments SET body_html = NULL WHERE review_id = ?').bind(written.review.id),
      env.DB.prepare('UPDATE replies SET body_html = NULL WHERE id = ?').bind(written.reply.id),
    ]);
    return written;
  }

  it('show their source as escaped plain paragraphs until the cron renders them; then the stored HTML', async () => {
    const { author, draft, review, reply } = await oldRows();
    const before = await page(`/drafts/${draft.id}`, author);
    expect(before).toContain(`<p>**Bold** opening ${words(20, 'a')}</p>`);
    expect(before).toContain('<p>Second *para* &lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1))');
    expect(before).toContain('<p>This **lands** &lt;b&gt;hard&lt;/b&gt;.</p>');
    expect(before).toContain('<p>Thank you, **truly**.</p>');
    expect(before).not.toContain('<strong>Bold</strong>');
    expect(before).not.toContain('<strong>truly</strong>');
    const reader = await signIn();
    const queued = await json<{ items: Array<{ id: string; excerpt: string }> }>(await call('/api/v1/queue', { token: reader.token }));
    expect(queued.items.find((item) => item.id === draft.id)?.excerpt).toBe(body.slice(0, config.drafts.excerptLength));

    await runCron(Date.now());

    expect(JSON.parse((await draftRow(draft.id)).paragraphs_html!)).toEqual(paragraphsHtml);
    expect((await draftRow(draft.id)).excerpt).toBe(excerpt(body));
    const [stored] = await rows<{ body_html: string; answers: string }>('SELECT body_html, answers FROM reviews WHERE id = ?', review.id);
    expect(stored!.body_html).toBe(`<p>The <em>overall</em> view. ${words(160, 'rev')}</p>\n`);
    expect(JSON.parse(stored!.answers)[0].html).toBe(`<p>It <em>does</em> hook me, ${words(10, 'ans')}</p>\n`);
    expect(await rows('SELECT body_html FROM inline_comments WHERE review_id = ?', review.id)).toEqual([
      { body_html: '<p>This <strong>lands</strong> &lt;b&gt;hard&lt;/b&gt;.</p>\n' },
    ]);
    expect(await rows('SELECT body_html FROM replies WHERE id = ?', reply.id)).toEqual([{ body_html: '<p>Thank you, <strong>truly</strong>.</p>\n' }]);
    const after = await page(`/drafts/${draft.id}`, author);
    for (const html of [...paragraphsHtml, '<p>Thank you, <strong>truly</strong>.</p>', '<p>It <em>does</em> hook me,']) expect(after).toContain(html.trim());
  });

  it(`one cron run renders at most ${config.markdown.backfillRowsPerRun} rows of a table; the next run the rest`, async () => {
    const { review } = await reviewedDraft();
    const extra = config.markdown.backfillRowsPerRun + 1;
    await env.DB.batch(
      Array.from({ length: extra }, (_, i) =>
        env.DB.prepare('INSERT INTO inline_comments (id, review_id, paragraph, quote, body, position) VALUES (?, ?, 0, ?, ?, ?)').bind(
          `old-${review.id}-${i}`,
          review.id,
          'Bold',
          `Old *note* ${i}`,
          i + 1,
        ),
      ),
    );
    const unrendered = async () => (await rows<{ n: number }>('SELECT count(*) AS n FROM inline_comments WHERE body_html IS NULL'))[0]!.n;
    expect(await unrendered()).toBe(extra);
    await runCron(Date.now());
    expect(await unrendered()).toBe(1);
    await runCron(Date.now() + 60_000);
    expect(await unrendered()).toBe(0);
    expect(await rows('SELECT body_html FROM inline_comments WHERE id = ?', `old-${review.id}-0`)).toEqual([{ body_html: '<p>Old <em>note</em> 0</p>\n' }]);
  });
});
