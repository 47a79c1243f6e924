import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, watchForPageErrors } from './browser.mjs';
import { longReview } from './members.mjs';

const baseUrl = process.env.VOLLEY_URL;
let browser;

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** A member in their own browser context, signed in through the dev mailbox like a real person. */
async function memberBrowser(label) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const errors = watchForPageErrors(page);
  const email = `${label}-${Date.now()}@example.com`;
  await page.goto(baseUrl);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.waitForURL('**/auth/check-email?**');
  await page.goto(`${baseUrl}/dev/mailbox`);
  await page.locator('article.mail', { hasText: email }).first().getByRole('link', { name: /auth\/callback\?token=/ }).click();
  await page.getByRole('button', { name: /^Sign in as / }).click();
  await page.waitForURL('**/dashboard');
  return { context, page, errors, email };
}

const header = (page) => page.locator('header.site');

const draftText = [
  'The lighthouse keeper had not spoken to anyone in eleven days when the boat appeared on the horizon.',
  'It was not the supply boat. The supply boat came on the first of the month, painted red, with Tomas at the tiller.',
  'She thought about lying. There was nobody to contradict her; the gulls would not.',
].join('\n\n');

const overallReview = longReview();

test('an author posts a draft, a reviewer reviews it, the author reads the feedback, rates it and replies', async () => {
  const author = await memberBrowser('author');
  const reviewer = await memberBrowser('reviewer');
  const title = `Saltmarsh Light ${Date.now()}`;

  // The author posts a short draft asking for one review: 1 credit of the 3 from the welcome grant.
  const a = author.page;
  assert.match(await header(a).textContent(), /3 credits/);
  await header(a).getByRole('link', { name: 'Post a draft' }).click();
  await a.waitForURL('**/drafts/new');
  await a.getByLabel('Title').fill(title);
  await a.getByLabel('Genre').selectOption('literary');
  await a.getByLabel('Reviews wanted').selectOption('1');
  await a.getByLabel(/Note to reviewers/).fill('Does the opening hook you?');
  await a.getByLabel('Your draft', { exact: true }).fill(draftText);
  assert.equal(await a.locator('#draft-cost').textContent(), '55 words · costs 1 credit');
  await a.getByRole('button', { name: 'Post draft' }).click();
  await a.waitForURL(/\/drafts\/[a-z2-7]+\?posted=1$/);
  const draftUrl = a.url().replace(/\?.*$/, '');
  assert.match(await a.locator('main').textContent(), /Your draft is posted/);
  assert.match(await header(a).textContent(), /2 credits/);

  // The reviewer finds it in the queue and claims it.
  const r = reviewer.page;
  await header(r).getByRole('link', { name: 'Queue' }).click();
  await r.waitForURL('**/queue');
  const card = r.locator('.queue-card', { hasText: title });
  assert.match(await card.textContent(), /0 of 1 review in/);
  assert.match(await card.textContent(), /pays 1 credit/);
  await card.getByRole('button', { name: /Review this/ }).click();
  await r.waitForURL(/\/drafts\/[a-z2-7]+\/review$/);
  assert.match(await r.locator('.claim-bar').textContent(), /Your claim ends in 4[78] h/);

  // Clicking a paragraph opens its comment box (app.js); the count runs against the minimum.
  await r.locator('#p-2 .para-text').click();
  const inlineBox = r.locator('#inline-1');
  assert.equal(await inlineBox.evaluate((el) => el === document.activeElement), true);
  await r.keyboard.type('The red boat and Tomas are a lovely concrete touch: keep them.');
  await r.getByLabel('Your overall review').fill(overallReview);
  assert.match(await r.locator('#review-words').textContent(), /enough to send/);
  await r.getByRole('button', { name: /Send review and earn 1 credit/ }).click();
  await r.waitForURL(/\?sent=1/);
  assert.match(await r.locator('.notice').textContent(), /You earned 1 credit/);
  assert.match(await header(r).textContent(), /4 credits/);

  // The author reads the comment beside its paragraph, marks the review helpful and replies.
  await a.goto(draftUrl);
  const note = a.locator('#p-2 .para-margin .note');
  assert.match(await note.textContent(), /The red boat and Tomas/);
  const paragraphBox = await a.locator('#p-2 .para-text').boundingBox();
  const noteBox = await note.boundingBox();
  assert.ok(noteBox.x > paragraphBox.x + paragraphBox.width, 'the comment sits in the margin, beside its paragraph');
  await note.getByRole('link', { name: '¶ 2' }).click();
  assert.match(a.url(), /#p-2$/);

  await a.getByRole('button', { name: 'Helpful', exact: true }).click();
  await a.waitForURL(/\?rated=1/);
  assert.match(await a.locator('.review').textContent(), /You marked this review helpful/);
  await a.locator('.review').getByLabel(/Reply to/).fill('Thank you! Keeping Tomas.');
  await a.getByRole('button', { name: 'Send reply' }).click();
  await a.waitForURL(/\?replied=1/);
  assert.match(await a.locator('.replies').textContent(), /Thank you! Keeping Tomas\./);

  // The reviewer sees the rating, the bonus and the reply.
  await r.goto(draftUrl);
  assert.match(await r.locator('.review').textContent(), /marked this review helpful/);
  assert.match(await r.locator('.replies').textContent(), /Keeping Tomas/);
  assert.match(await header(r).textContent(), /5 credits/);

  assert.deepEqual(author.errors, []);
  assert.deepEqual(reviewer.errors, []);
  await author.context.close();
  await reviewer.context.close();
});

test('without JavaScript, a reviewer opens a paragraph’s comment box and the review still goes through', async () => {
  const author = await memberBrowser('nojs-author');
  await author.page.goto(`${baseUrl}/drafts/new`);
  const title = `No Script ${Date.now()}`;
  await author.page.getByLabel('Title').fill(title);
  await author.page.getByLabel('Genre').selectOption('essay');
  await author.page.getByLabel('Your draft', { exact: true }).fill(draftText);
  await author.page.getByRole('button', { name: 'Post draft' }).click();
  await author.page.waitForURL(/\?posted=1$/);

  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const email = `nojs-reviewer-${Date.now()}@example.com`;
  await page.goto(baseUrl);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.waitForURL('**/auth/check-email?**');
  await page.goto(`${baseUrl}/dev/mailbox`);
  await page.locator('article.mail', { hasText: email }).first().getByRole('link', { name: /auth\/callback\?token=/ }).click();
  await page.getByRole('button', { name: /^Sign in as / }).click();
  await page.waitForURL('**/dashboard');

  await page.goto(`${baseUrl}/queue?genre=essay`);
  await page.locator('.queue-card', { hasText: title }).getByRole('button', { name: /Review this/ }).click();
  await page.waitForURL(/\/review$/);
  await page.locator('#p-3 summary').click();
  await page.getByLabel('Your comment on paragraph 3').fill('The gulls line is the best in the piece.');
  await page.getByLabel('Your overall review').fill('Too short.');
  await page.getByRole('button', { name: /Send review/ }).click();
  assert.match(await page.locator('#review-body-error').textContent(), /at least 150 words/);
  assert.equal(await page.getByLabel('Your comment on paragraph 3').inputValue(), 'The gulls line is the best in the piece.');
  await page.getByLabel('Your overall review').fill(overallReview);
  await page.getByRole('button', { name: /Send review/ }).click();
  await page.waitForURL(/\?sent=1/);
  assert.match(await page.locator('.notice').textContent(), /You earned 1 credit/);
  // On a phone the comment sits under its paragraph.
  const text = await page.locator('#p-3 .para-text').boundingBox();
  const note = await page.locator('#p-3 .note').boundingBox();
  assert.ok(note.y >= text.y + text.height, 'the comment sits under its paragraph');
  await context.close();
  await author.context.close();
});
