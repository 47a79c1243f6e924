// A member reports a padded review; a moderator removes it at /admin/reports; the author sees the slot open
// again and the reviewer's credits drop. The report form and the moderators' page pass axe, light and dark.
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, watchForPageErrors } from './browser.mjs';
import { api, contextFor, longReview, signInByApi } from './members.mjs';
import { MODERATOR_EMAIL } from './server.mjs';

const baseUrl = process.env.VOLLEY_URL;
let browser;

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const draftText = ['The ferry left at dawn.', 'Nobody on deck spoke of the storm.', 'By noon the gulls had gone.'].join('\n\n');

async function axeClean(page, label) {
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    const axe = new AxeBuilder({ page });
    if (colorScheme === 'dark') axe.withRules(['color-contrast', 'link-in-text-block']);
    const { violations } = await axe.analyze();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(serious.map((v) => `${label} (${colorScheme}): ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('a reported review is removed by a moderator: the slot reopens and the reviewer’s credits drop', async () => {
  const author = await signInByApi(baseUrl, 'mod-author');
  const reviewer = await signInByApi(baseUrl, 'mod-reviewer');
  const moderator = await signInByApi(baseUrl, 'moderator', MODERATOR_EMAIL);
  await api(baseUrl, '/me', { token: reviewer.token, method: 'PATCH', body: { name: 'Pat Padder' } });
  const title = `Ferry ${Date.now()}`;
  const draft = await api(baseUrl, '/drafts', {
    token: author.token,
    body: { title, body: draftText, genre: 'literary', reviewsWanted: 2, contentNotes: ['death'] },
  });
  await api(baseUrl, `/drafts/${draft.id}/reviews`, { token: reviewer.token, body: { body: longReview() } });
  const reviewerBefore = (await api(baseUrl, '/me', { token: reviewer.token })).credits;

  // The author reports the review from their draft's page.
  const authorContext = await contextFor(browser, baseUrl, author);
  const a = await authorContext.newPage();
  const errors = watchForPageErrors(a);
  await a.goto(`${baseUrl}/drafts/${draft.id}`);
  assert.match(await a.locator('.content-notes').textContent(), /death/);
  assert.match(await a.locator('.stats').textContent(), /1 reviewed · 0 claimed · 1 free/);
  await a.getByRole('link', { name: /Report review 1 by Pat Padder/ }).click();
  await a.waitForURL('**/reports/new?type=review*');
  await axeClean(a, 'report form');
  await a.getByLabel(/Low effort/).check();
  await a.getByLabel(/Details/).fill('The same sentence sixteen times; nothing about my draft.');
  await a.getByRole('button', { name: 'Send report' }).click();
  await a.waitForURL('**sent=1');
  assert.match(await a.locator('h1').textContent(), /Report sent/);

  // The moderator removes it.
  const moderatorContext = await contextFor(browser, baseUrl, moderator);
  const m = await moderatorContext.newPage();
  await m.goto(`${baseUrl}/admin/reports`);
  const card = m.locator('li.report-card', { hasText: title });
  assert.match(await card.textContent(), /1 member reported it/);
  assert.match(await card.textContent(), /The same sentence sixteen times/);
  await axeClean(m, 'moderation page');
  await card.getByRole('radio', { name: /Remove it \(a removed review/ }).check();
  await card.getByLabel(/Note/).fill('Padded review: the same sentence repeated.');
  await card.getByRole('button', { name: /Resolve/ }).click();
  await m.waitForURL('**/admin/reports?resolved=1');
  assert.match(await m.locator('.notice').textContent(), /Report resolved/);
  assert.match(await m.locator('table.data').textContent(), /remove/);
  await m.goto(`${baseUrl}/admin/reports?status=resolved`);
  await axeClean(m, 'resolved reports');

  // The author sees the slot open again; the reviewer's credits dropped by the review's price.
  await a.goto(`${baseUrl}/drafts/${draft.id}`);
  assert.match(await a.locator('.stats').textContent(), /0 reviewed · 0 claimed · 2 free/);
  assert.equal(await a.locator('article.review').count(), 0);
  const reviewerContext = await contextFor(browser, baseUrl, reviewer);
  const r = await reviewerContext.newPage();
  await r.goto(`${baseUrl}/credits`);
  assert.match(await r.locator('header.site').textContent(), new RegExp(`${reviewerBefore - draft.pricePerReview} credits?`));
  assert.deepEqual(errors, []);
  for (const c of [authorContext, moderatorContext, reviewerContext]) await c.close();
});
