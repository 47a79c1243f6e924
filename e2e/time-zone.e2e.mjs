// Dates in the reader's zone (DESIGN.md "Look and feel"): UTC, said so, until the browser has named its
// zone; the page script names it in the `tz` cookie and re-renders that first page; from then on the
// server renders local times itself. Without JavaScript, pages stay in UTC.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, watchForPageErrors } from './browser.mjs';
import { contextFor, signInByApi } from './members.mjs';

const baseUrl = process.env.VOLLEY_URL;
let browser;
let member;

before(async () => {
  browser = await launchBrowser();
  member = await signInByApi(baseUrl, 'time-zone');
});

after(async () => {
  await browser?.close();
});

const ledgerTime = (page) => page.locator('.ledger time').first();

test('the browser’s zone is remembered in a cookie and used for every date after the first page', async () => {
  const context = await contextFor(browser, baseUrl, member, { timezoneId: 'Asia/Tokyo' });
  const page = await context.newPage();
  const errors = watchForPageErrors(page);
  const expected = async () => {
    const iso = await ledgerTime(page).getAttribute('datetime');
    const at = new Date(iso);
    const date = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Asia/Tokyo' }).format(at);
    const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Tokyo' }).format(at);
    return `${date}, ${time}`;
  };

  const first = await page.goto(`${baseUrl}/credits`);
  assert.match(await first.text(), /UTC<\/time>/, 'the server does not know the zone yet');
  assert.equal(await ledgerTime(page).textContent(), await expected(), 'the script shows the first page in local time');
  const cookie = (await context.cookies(baseUrl)).find((c) => c.name === 'tz');
  assert.equal(decodeURIComponent(cookie?.value ?? ''), 'Asia/Tokyo');

  const second = await page.goto(`${baseUrl}/credits`);
  const html = await second.text();
  assert.doesNotMatch(html, /UTC<\/time>/, 'the server renders local times once it knows the zone');
  assert.doesNotMatch(html, /data-when/);
  assert.equal(await ledgerTime(page).textContent(), await expected());
  assert.deepEqual(errors, []);
  await context.close();
});

test('without JavaScript, dates are in UTC and say so', async () => {
  const context = await contextFor(browser, baseUrl, member, { timezoneId: 'Asia/Tokyo', javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/credits`);
  assert.match(await ledgerTime(page).textContent(), / UTC$/);
  assert.equal((await context.cookies(baseUrl)).find((c) => c.name === 'tz'), undefined);
  await context.close();
});
