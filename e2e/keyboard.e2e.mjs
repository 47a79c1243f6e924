// The review journey with the keyboard alone: Tab, Shift+Tab, Enter, Space and typing, no clicks.
// Every stop on the way must show where focus is.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, watchForPageErrors } from './browser.mjs';
import { contextFor, longReview, ok, signInByApi } from './members.mjs';

const baseUrl = process.env.VOLLEY_URL;
let browser;

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** The focused element, and whether a sighted keyboard user can see it is focused. */
function describeFocus() {
  const el = document.activeElement;
  if (!el || el === document.body) return { tag: 'body', text: '', visible: false, why: 'nothing is focused' };
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow !== 'none';
  const onScreen = box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
  const why = [!(outline || shadow) && 'no outline or shadow', !el.matches(':focus-visible') && 'not :focus-visible', !onScreen && 'off screen']
    .filter(Boolean)
    .join(', ');
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    href: el.getAttribute('href'),
    text: (el.innerText || el.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim(),
    visible: !why,
    why,
  };
}

/** Presses `key` until the focused element matches, checking at every stop that focus can be seen. */
async function pressUntil(page, key, matches, what, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const focus = await page.evaluate(describeFocus);
    // Past the last element, focus leaves the page for the browser's own controls, then wraps to the top.
    if (focus.tag === 'body') continue;
    assert.ok(focus.visible, `focus on <${focus.tag}> “${focus.text.slice(0, 60)}” is not visible: ${focus.why}`);
    if (matches(focus)) return focus;
  }
  throw new Error(`${limit} × ${key} never reached ${what}`);
}
const tabTo = (page, matches, what) => pressUntil(page, 'Tab', matches, what);

test('a reviewer finds, claims, comments on and sends a review with the keyboard alone', async () => {
  const author = await signInByApi(baseUrl, 'kbd-author');
  const reviewer = await signInByApi(baseUrl, 'kbd-reviewer');
  const title = `Keys to the Lighthouse ${Date.now()}`;
  const draft = await ok(
    author.api.POST('/drafts', {
      body: {
        title,
        genre: 'poetry',
        reviewsWanted: 1,
        body: [
          'The keeper counted ships the way other people count sheep.',
          'Nobody came on Sundays, and on Mondays only the gulls.',
          'At the end of the month the red boat brought flour and news.',
        ].join('\n\n'),
      },
    }),
  );

  const context = await contextFor(browser, baseUrl, reviewer);
  const page = await context.newPage();
  const errors = watchForPageErrors(page);
  await page.goto(`${baseUrl}/dashboard`);

  // The skip link comes first and is shown when focused.
  const skip = await tabTo(page, (f) => f.href === '#main', 'the skip link');
  assert.equal(skip.text, 'Skip to content');

  // Dashboard → queue, through the "Review a draft" button in the page.
  await tabTo(page, (f) => f.text === 'Review a draft', '“Review a draft”');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/queue');

  // Queue: the draft's "Review this" button (its name includes the title), Enter claims it.
  await tabTo(page, (f) => f.tag === 'button' && f.text.includes(title), `“Review this: ${title}”`);
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/drafts/${draft.id}/review`);

  // Open the comment box of paragraph 2 with Space, write in it, step back and forth.
  await tabTo(page, (f) => f.tag === 'summary' && f.text.includes('on paragraph 2'), 'the comment box of paragraph 2');
  await page.keyboard.press('Space');
  assert.equal(await page.locator('#p-2 details.comment-box').evaluate((d) => d.open), true);
  await tabTo(page, (f) => f.id === 'inline-1', 'the comment on paragraph 2');
  await page.keyboard.type('Mondays and the gulls: a perfect, lonely beat. Keep it.');
  await pressUntil(page, 'Shift+Tab', (f) => f.tag === 'summary' && f.text.includes('on paragraph 2'), 'back to its summary');
  await tabTo(page, (f) => f.id === 'inline-1', 'the comment again');
  assert.match(await page.locator('#inline-1').inputValue(), /perfect, lonely beat/);

  // The overall review, typed; the counter follows.
  await tabTo(page, (f) => f.id === 'review-body', 'the overall review');
  await page.keyboard.type(longReview('', 9));
  assert.match(await page.locator('#review-words').textContent(), /enough to send/);

  // Send with Enter on the button.
  await tabTo(page, (f) => f.tag === 'button' && /Send review/.test(f.text), '“Send review”');
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`/drafts/${draft.id}\\?sent=1`));
  assert.match(await page.locator('.notice').textContent(), /You earned 1 credit/);
  assert.match(await page.locator('header.site').textContent(), /4 credits/);

  // The credit is on the ledger, reached from the header by keyboard too (Tab wraps round to the top).
  await tabTo(page, (f) => f.href === '/credits', 'the balance link');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/credits');
  assert.match(await page.locator('table.ledger').textContent(), new RegExp(`Reviewed “${title}”`));

  assert.deepEqual(errors, []);
  await context.close();
});

test('a keyboard user can post a draft and fix what the form refused', async () => {
  const author = await signInByApi(baseUrl, 'kbd-writer');
  const context = await contextFor(browser, baseUrl, author);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/dashboard`);
  await tabTo(page, (f) => f.href === '/drafts/new' && f.text === 'Post a draft', '“Post a draft”');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/drafts/new');

  // Title typed, genre forgotten: the form comes back with an error summary linking to the field.
  await tabTo(page, (f) => f.id === 'draft-title', 'the title');
  await page.keyboard.type('Salt and Iron');
  await tabTo(page, (f) => f.id === 'draft-body', 'the draft');
  await page.keyboard.type('The forge went cold the winter the river froze.');
  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Post draft', '“Post draft”');
  await page.keyboard.press('Enter');
  await page.waitForLoadState('load');
  assert.match(await page.locator('.error-summary').textContent(), /Choose a genre/);

  // The summary's link moves focus to the genre select; arrow keys pick one; Enter on the button posts.
  await tabTo(page, (f) => f.href === '#draft-genre', 'the error summary link');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'draft-genre');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('#draft-genre').inputValue(), 'fiction');
  await tabTo(page, (f) => f.tag === 'button' && f.text === 'Post draft', '“Post draft”');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/drafts\/[a-z2-7]+\?posted=1$/);
  assert.match(await page.locator('.notice').textContent(), /Your draft is posted/);
  await context.close();
});
