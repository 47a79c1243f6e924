// Mail scanners (Safe Links, Mimecast, Proofpoint…) open links before people do: HEAD, GET, sometimes a
// real browser that runs the page's scripts. None of that may spend the link.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { latestEmailTo, launchBrowser, watchForPageErrors } from './browser.mjs';
import { contextFor, signInByApi } from './members.mjs';

const baseUrl = process.env.VOLLEY_URL;
let browser;

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function askForLink(page, email) {
  await page.goto(baseUrl);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.waitForURL('**/auth/check-email?**');
  return (await latestEmailTo(baseUrl, email)).text.match(/http\S+token=\S+/)[0];
}

test('a scanner fetches the link first (HEAD, GET, and a browser running its scripts); the person then clicks and lands signed in', async () => {
  const person = await browser.newContext();
  const page = await person.newPage();
  const errors = watchForPageErrors(page);
  const email = `scanned-${Date.now()}@example.com`;
  const link = await askForLink(page, email);

  const head = await fetch(link, { method: 'HEAD', redirect: 'manual' });
  assert.equal(head.status, 200);
  const get = await fetch(link, { redirect: 'manual', headers: { 'user-agent': 'Mozilla/5.0 (compatible; SafeLinks scanner)' } });
  assert.equal(get.status, 200);
  assert.equal(get.headers.get('set-cookie'), null);

  // A sandboxed browser that loads the page and runs its scripts, but clicks nothing.
  const scanner = await browser.newContext();
  const scannerPage = await scanner.newPage();
  await scannerPage.goto(link, { waitUntil: 'networkidle' });
  // Only the page script's time-zone cookie: no session, nothing that signs anyone in.
  assert.deepEqual((await scanner.cookies()).map((c) => c.name).filter((name) => name !== 'tz'), []);
  await scanner.close();

  await page.goto(link);
  await page.getByRole('button', { name: /^Sign in as s…@example\.com$/ }).click();
  await page.waitForURL('**/dashboard');
  assert.match(await page.locator('main').textContent(), new RegExp(`signed in as ${email.replace('.', '\\.')}`, 'i'));
  assert.deepEqual(errors, []);
  await person.close();
});

test('a link planted by someone else warns a signed-in member before it would switch accounts', async () => {
  const victim = await signInByApi(baseUrl, 'victim');
  const context = await contextFor(browser, baseUrl, victim);
  const page = await context.newPage();
  const attackerEmail = `attacker-${Date.now()}@example.com`;
  const attackerPage = await browser.newPage();
  const link = await askForLink(attackerPage, attackerEmail);
  await attackerPage.close();

  await page.goto(link);
  assert.match(await page.locator('h1').textContent(), /Sign in to Volley as a…@example\.com/);
  assert.match(await page.getByRole('alert').textContent(), /signed in as someone else/);
  await page.getByRole('link', { name: 'Not now' }).click();
  await page.waitForURL('**/dashboard');
  assert.match(await page.locator('main').textContent(), new RegExp(victim.email.replace('.', '\\.'), 'i'));
  await context.close();
});
