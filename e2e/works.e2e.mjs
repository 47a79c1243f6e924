// A novelist carries a work through in parts: a reader reviews part 1 answering the author's questions, is
// told first when part 2 is up, finds it under "Continue reading" and claims it; the author revises part 1
// and the reader sees at once what changed.
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, watchForPageErrors } from './browser.mjs';
import { api, contextFor, longReview, signInByApi } from './members.mjs';

const baseUrl = process.env.VOLLEY_URL;
let browser;

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const partOne = [
  'The ferry left Harwich at dawn with nine passengers and a crate of oranges nobody would admit to owning.',
  'Mara counted the gulls because counting kept her from looking back at the harbour wall.',
  'Her brother had promised to meet her in Hook of Holland, and he had never once kept a promise.',
].join('\n\n');

const partTwo = [
  'Hook of Holland smelled of diesel and wet bread, and her brother was not there.',
  'A boy in a yellow coat handed her an envelope with her name spelled wrong.',
].join('\n\n');

async function expectNoSeriousAxeViolations(page, label) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
}

test('a novelist posts part 1, a reader reviews it, comes back for part 2, and sees what the revision of part 1 changed', async () => {
  const novelist = await signInByApi(baseUrl, 'novelist');
  const reader = await signInByApi(baseUrl, 'reader');
  await api(baseUrl, '/me', { token: novelist.token, method: 'PATCH', body: { name: 'Nell Varga' } });
  const n = await (await contextFor(browser, baseUrl, novelist)).newPage();
  const r = await (await contextFor(browser, baseUrl, reader)).newPage();
  const errors = [...[n, r].map(watchForPageErrors)];
  const title = `The Orange Crate ${Date.now()}`;

  // The novelist starts a work and posts part 1 with two questions.
  await n.goto(`${baseUrl}/dashboard`);
  await n.getByRole('link', { name: 'Start a work' }).click();
  await n.waitForURL('**/works/new');
  await n.getByLabel('Title').fill(title);
  await n.getByLabel('Genre').selectOption('literary');
  await n.getByLabel(/Synopsis/).fill('A woman crosses the North Sea to find a brother who does not want to be found.');
  await n.getByLabel('death').check();
  await n.getByRole('button', { name: 'Start the work' }).click();
  await n.waitForURL(/\/works\/[a-z2-7]+$/);
  const workUrl = n.url();
  await expectNoSeriousAxeViolations(n, 'work page, empty');
  await n.getByRole('link', { name: 'Post the first part' }).click();
  await n.getByLabel('Title').fill('Harwich');
  await n.getByLabel('Question 1').fill('Do you care about Mara by the end?');
  await n.getByLabel('Question 2').fill('Is the brother set up clearly enough?');
  await n.getByLabel('This part').fill(partOne);
  await n.getByRole('button', { name: 'Post draft' }).click();
  await n.waitForURL(/\/drafts\/[a-z2-7]+\?posted=1$/);
  const partOneUrl = n.url().replace(/\?.*$/, '');
  assert.match(await n.locator('.part-nav').textContent(), new RegExp(`Part 1 of ${title}`));

  // The reader claims it from the queue and answers both questions in the review.
  await r.goto(`${baseUrl}/queue`);
  await r.locator('.queue-card', { hasText: 'Harwich' }).getByRole('button', { name: /Review this/ }).click();
  await r.waitForURL(/\/review$/);
  await r.getByLabel('Do you care about Mara by the end?').fill('Yes: the counting of gulls tells me how frightened she is without saying so, and I want her to land safely.');
  await r.getByLabel('Is the brother set up clearly enough?').fill('Mostly. One more concrete memory of a broken promise would make his absence sting much harder later.');
  // Quoting the draft at length does not count: the counter shows only the reader's own words.
  await r.getByLabel('Your overall review').fill(partOne);
  assert.match(await r.locator('#review-words').textContent(), /^\d+ words of your own so far/);
  await r.getByLabel('Your overall review').fill(longReview());
  assert.match(await r.locator('#review-words').textContent(), /enough to send/);
  await r.getByRole('button', { name: /Send review/ }).click();
  await r.waitForURL(/\?sent=1/);

  // The novelist sees the answers under the questions, then posts part 2 from the work's page.
  await n.goto(partOneUrl);
  assert.match(await n.locator('.review .answers').textContent(), /Do you care about Mara by the end\?\s*Yes: the counting of gulls/);
  await n.goto(workUrl);
  assert.match(await n.locator('.contents').textContent(), /Part 1: Harwich.*1 of 1 review in/s);
  await n.getByRole('link', { name: 'Post the next part' }).click();
  await n.getByLabel('Title').fill('Hook of Holland');
  await n.getByLabel(/Previously/).fill('Mara crossed the North Sea to find her brother.');
  await n.getByLabel('Question 1').fill('Does the envelope work as a hook?');
  await n.getByLabel('This part').fill(partTwo);
  await n.getByRole('button', { name: 'Post draft' }).click();
  await n.waitForURL(/\?posted=1$/);
  const partTwoUrl = n.url().replace(/\?.*$/, '');
  assert.match(await n.locator('.previously').textContent(), /Mara crossed the North Sea/);
  assert.match(await n.locator('.part-nav').textContent(), /← Part 1: Harwich/);

  // The reader is emailed, finds part 2 under "Continue reading" and claims it.
  const mail = (await (await fetch(`${baseUrl}/dev/mailbox.json`)).json()).filter((m) => m.to === reader.email && /Hook of Holland/.test(m.subject));
  assert.equal(mail.length, 1);
  assert.match(mail[0].text, /held for you/);
  assert.ok(mail[0].headers['List-Unsubscribe-Post']);
  await r.goto(`${baseUrl}/queue`);
  const continuing = r.locator('.continue-reading');
  assert.match(await continuing.textContent(), /Hook of Holland/);
  await continuing.locator('.queue-card', { hasText: 'Hook of Holland' }).getByRole('button', { name: /Review this/ }).click();
  await r.waitForURL(/\/review$/);
  assert.match(await r.locator('.claim-bar').textContent(), /Your claim ends in/);
  await r.goto(partTwoUrl);
  await expectNoSeriousAxeViolations(r, 'part page');

  // The novelist revises part 1: the form starts from the current text.
  await n.goto(partOneUrl);
  await n.getByRole('link', { name: 'Revise this draft' }).click();
  const body = n.getByLabel('The new version');
  assert.equal(await body.inputValue(), partOne);
  const revised = [
    'The ferry left Harwich at dawn with nine passengers and a crate of oranges nobody would admit to owning.',
    'Mara counted the gulls, twenty, thirty, because counting kept her from looking back at the harbour wall.',
    'He had promised to teach her to swim the summer she turned nine, and had gone to Leeds instead.',
  ].join('\n\n');
  await body.fill(revised);
  await n.getByRole('button', { name: 'Post the new version' }).click();
  await n.waitForURL(/\?posted=1$/);
  const versionTwoUrl = n.url().replace(/\?.*$/, '');

  // The reader opens part 1 again, is pointed to the new version and sees what changed.
  await r.goto(partOneUrl);
  await r.getByRole('link', { name: 'Read the latest version' }).click();
  await r.waitForURL(versionTwoUrl);
  assert.equal(await r.locator('#p-1 .change-mark').count(), 0);
  assert.equal(await r.locator('#p-2 .change-mark').textContent(), 'Changed');
  assert.equal(await r.locator('#p-3 .change-mark').textContent(), 'New');
  assert.match(await r.locator('.removed').textContent(), /never once kept a promise/);
  assert.match(await r.locator('.versions').textContent(), /version 1.*version 2/s);
  await expectNoSeriousAxeViolations(r, 'revised part page');
  await n.goto(workUrl);
  await expectNoSeriousAxeViolations(n, 'work page');

  assert.deepEqual(errors.flat(), []);
});
