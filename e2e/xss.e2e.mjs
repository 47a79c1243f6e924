// The XSS corpus (test/xss-payloads.json) in a real browser: every payload that could run calls
// alert(self.__xss=1), so a page is clean when no dialog opened, window.__xss is unset, the CSP
// reported nothing, and the DOM holds no handler attribute, foreign script, frame or script URL.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { launchBrowser } from './browser.mjs';
import { contextFor, longReview, ok, signInByApi } from './members.mjs';

const baseUrl = process.env.VOLLEY_URL;
const corpus = JSON.parse(readFileSync(new URL('../test/xss-payloads.json', import.meta.url), 'utf8'));
const texts = corpus.map((p) => p.text);
const payload = (label) => corpus.find((p) => p.label === label).text;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Records what would show an injection: dialogs, CSP reports, console errors and page errors. */
async function watchedPage(context) {
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  const page = await context.newPage();
  const seen = { dialogs: [], errors: [] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  page.on('pageerror', (error) => seen.errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(message.text());
  });
  return { page, seen };
}

/** Everything in the live DOM that could run code, as the browser parsed it. */
function executableInDom() {
  const problems = [];
  const banned = new Set(['IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'STYLE', 'BASE', 'IMG', 'VIDEO', 'AUDIO', 'TEMPLATE', 'META', 'LINK']);
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toUpperCase();
    for (const attribute of el.attributes) {
      if (/^on/i.test(attribute.name)) problems.push(`${attribute.name} on <${tag.toLowerCase()}>`);
      if (attribute.name === 'srcdoc' || attribute.name === 'style') problems.push(`${attribute.name} on <${tag.toLowerCase()}>`);
      if (['href', 'src', 'action', 'formaction', 'data', 'xlink:href'].includes(attribute.name)) {
        let protocol = '';
        try {
          protocol = new URL(attribute.value, location.href).protocol;
        } catch {
          // not a URL a browser would follow
        }
        if (['javascript:', 'data:', 'vbscript:'].includes(protocol)) problems.push(`${protocol} in ${attribute.name} of <${tag.toLowerCase()}>`);
      }
    }
    // Volley's own files: the layout's script, and the passkey pair the home page adds.
    const own = ['/assets/app.js', '/assets/vendor/simplewebauthn-browser.js', '/assets/passkeys.js'];
    if (tag === 'SCRIPT' && !own.includes(el.getAttribute('src'))) problems.push(`script ${el.outerHTML.slice(0, 80)}`);
    if (banned.has(tag) && !(tag === 'META' && el.closest('head')) && !(tag === 'LINK' && el.closest('head'))) problems.push(`<${tag.toLowerCase()}>`);
  }
  if ([...document.scripts].filter((el) => el.getAttribute('src') === '/assets/app.js').length !== 1) problems.push('not exactly one layout script');
  return problems;
}

/** Loads a page (or takes the one already loaded) and checks nothing ran. */
async function assertInert({ page, seen }, label, path) {
  if (path) {
    const response = await page.goto(`${baseUrl}${path}`);
    assert.ok(response.status() < 500, `${label}: ${response.status()}`);
  }
  await page.waitForLoadState('load');
  await page.waitForTimeout(150); // onerror/onload of anything injected would have fired by now
  assert.deepEqual(seen.dialogs, [], `${label}: a dialog opened`);
  assert.equal(await page.evaluate(() => window.__xss), undefined, `${label}: injected script ran`);
  assert.deepEqual(await page.evaluate(() => window.__csp), [], `${label}: the CSP had to block something`);
  assert.deepEqual(await page.evaluate(executableInDom), [], `${label}: executable markup in the DOM`);
  assert.deepEqual(seen.errors.filter((e) => !/status of 4\d\d/.test(e)), [], `${label}: page errors`);
}

test('payloads in every field stay text on every page, in a real browser', async () => {
  const author = await signInByApi(baseUrl, 'xss-author');
  const reviewer = await signInByApi(baseUrl, 'xss-reviewer');
  const other = await signInByApi(baseUrl, 'xss-other');
  const names = [payload('img onerror'), payload('tag breakout'), payload('single-quote breakout')];
  await ok(author.api.PATCH('/me', { body: { name: names[0] } }));
  await ok(reviewer.api.PATCH('/me', { body: { name: names[1] } }));
  await ok(other.api.PATCH('/me', { body: { name: names[2] } }));

  // The draft: every payload a paragraph of its own; the note as many as fit.
  const body = [...texts, 'The end of the corpus.'].join('\n\n');
  let note = '';
  for (const text of texts) if (note.length + text.length + 1 <= 1000) note += `${text}\n`;
  const reviewed = await ok(author.api.POST('/drafts', { body: { title: payload('title escape'), body, genre: 'horror', reviewsWanted: 1, note: note.trim() } }));
  const open = await ok(author.api.POST('/drafts', { body: { title: payload('svg onload'), body, genre: 'horror', reviewsWanted: 2, note: payload('textarea escape') } }));

  // A review with the corpus overall, an inline comment on every paragraph quoting it, and replies both ways.
  const review = await ok(
    reviewer.api.POST('/drafts/{id}/reviews', {
      params: { path: { id: reviewed.id } },
      body: {
        body: longReview(texts.join('\n\n')),
        inline: texts.map((text, paragraph) => ({ paragraph, quote: text.replace(/\n/g, ' ').slice(0, 500), body: `Comment: ${text}` })),
      },
    }),
  );
  await ok(author.api.POST('/reviews/{id}/rating', { params: { path: { id: review.id } }, body: { helpful: true } }));
  await ok(author.api.POST('/reviews/{id}/replies', { params: { path: { id: review.id } }, body: { body: texts.join('\n\n') } }));
  await ok(reviewer.api.POST('/reviews/{id}/replies', { params: { path: { id: review.id } }, body: { body: texts.slice().reverse().join('\n\n') } }));
  await ok(reviewer.api.POST('/drafts/{id}/claims', { params: { path: { id: open.id } } }));

  const a = await watchedPage(await contextFor(browser, baseUrl, author));
  for (const [label, path] of [
    ['dashboard, author', '/dashboard'],
    ['draft page, author with review', `/drafts/${reviewed.id}`],
    ['draft page, author, open', `/drafts/${open.id}`],
    ['your drafts', '/drafts'],
    ['credits, author', '/credits'],
    ['settings', '/settings'],
    ['delete account', '/settings/delete'],
  ]) {
    await assertInert(a, label, path);
  }
  // The name is on the page as the characters typed, not as markup.
  assert.ok((await a.page.locator('header.site .who').innerText()).includes(names[0]));
  await a.page.goto(`${baseUrl}/drafts/${reviewed.id}`);
  assert.ok((await a.page.locator('.review-body').innerText()).includes('<script>alert(self.__xss=1)</script>'));

  // A refused new-draft form shows the payloads back in its fields.
  await a.page.goto(`${baseUrl}/drafts/new`);
  await a.page.getByLabel('Title').fill(payload('double-quote breakout'));
  await a.page.getByLabel(/Note to reviewers/).fill(payload('textarea escape'));
  await a.page.getByLabel('Your draft', { exact: true }).fill(texts.slice(0, 30).join('\n\n'));
  await a.page.getByRole('button', { name: 'Post draft' }).click();
  await a.page.waitForLoadState('load');
  assert.match(await a.page.locator('.error-summary').innerText(), /genre/i);
  await assertInert(a, 'new draft, refused');
  assert.equal(await a.page.getByLabel('Title').inputValue(), payload('double-quote breakout'));

  const r = await watchedPage(await contextFor(browser, baseUrl, reviewer));
  for (const [label, path] of [
    ['queue', '/queue?genre=horror'],
    ['review page', `/drafts/${open.id}/review`],
    ['draft page, reviewer', `/drafts/${reviewed.id}`],
    ['dashboard, reviewer', '/dashboard'],
    ['credits, reviewer', '/credits'],
  ]) {
    await assertInert(r, label, path);
  }
  // A refused review shows the payloads back in the comment box and the overall box.
  await r.page.goto(`${baseUrl}/drafts/${open.id}/review`);
  await r.page.locator('#p-1 summary').click();
  await r.page.getByLabel('Your comment on paragraph 1', { exact: true }).fill(payload('textarea escape'));
  await r.page.getByLabel('Your overall review').fill(payload('script tag'));
  await r.page.getByRole('button', { name: /Send review/ }).click();
  await r.page.waitForURL(/\/reviews$/);
  await assertInert(r, 'review form, refused');
  assert.equal(await r.page.getByLabel('Your overall review').inputValue(), payload('script tag'));

  const o = await watchedPage(await contextFor(browser, baseUrl, other));
  await assertInert(o, 'draft page, other member', `/drafts/${open.id}`);
  await assertInert(o, 'queue, other member', '/queue');

  // Signed out: the dev mailbox (the review, rating and reply emails, as text) and a refused sign-in form.
  const visitor = await watchedPage(await contextFor(browser, baseUrl, null));
  await assertInert(visitor, 'dev mailbox', '/dev/mailbox');
  assert.ok((await visitor.page.locator('main').innerText()).includes(`Hi ${names[0]},`), 'the notification emails are in the mailbox');
  await visitor.page.goto(baseUrl);
  await visitor.page.getByLabel('Email address').fill(payload('double-quote breakout'));
  await visitor.page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await visitor.page.waitForLoadState('load');
  await assertInert(visitor, 'sign-in form, refused');
  assert.equal(await visitor.page.getByLabel('Email address').inputValue(), payload('double-quote breakout'));

  for (const { page } of [a, r, o, visitor]) await page.context().close();
});
