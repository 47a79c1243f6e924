import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { latestEmailTo, launchBrowser, watchForPageErrors } from './browser.mjs';

const baseUrl = process.env.VOLLEY_URL;
let browser;

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('a writer signs in through the emailed link and lands on the dashboard', async () => {
  const page = await browser.newPage();
  const errors = watchForPageErrors(page);
  const email = `e2e-${Date.now()}@example.com`;

  await page.goto(baseUrl);
  assert.match(await page.locator('h1').textContent(), /Feedback that comes back/);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.waitForURL('**/auth/check-email');
  assert.match(await page.locator('h1').textContent(), /Check your email/);

  await page.goto(`${baseUrl}/dev/mailbox`);
  const message = page.locator('article.mail', { hasText: email }).first();
  await message.getByRole('link', { name: /auth\/callback\?token=/ }).click();

  await page.waitForURL('**/dashboard');
  assert.match(await page.locator('main').textContent(), new RegExp(`signed in as ${email.replace('.', '\\.')}`, 'i'));
  assert.match(await page.locator('header.site').textContent(), /Signed in as/);

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.waitForURL(`${baseUrl}/`);
  assert.match(await page.locator('header.site').textContent(), /Sign in/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a bad address is explained next to the field, with JavaScript off', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(baseUrl);
  await page.getByLabel('Email address').fill('not-an-address');
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  assert.match(await page.locator('#email-error').textContent(), /valid email address/);
  assert.equal(await page.getByLabel('Email address').getAttribute('aria-invalid'), 'true');

  const email = `nojs-${Date.now()}@example.com`;
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.waitForURL('**/auth/check-email');
  const sent = await latestEmailTo(baseUrl, email);
  const link = sent.text.match(/http\S+token=\S+/)[0];
  await page.goto(link);
  await page.waitForURL('**/dashboard');
  await context.close();
});
