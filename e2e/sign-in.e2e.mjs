import AxeBuilder from '@axe-core/playwright';
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

async function expectAccessible(page, label) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.help}`), [], `${label}: axe`);
}

test('a writer signs in through the emailed link, confirms on the page it opens, and lands on the dashboard', async () => {
  const page = await (await browser.newContext()).newPage();
  const errors = watchForPageErrors(page);
  const email = `e2e-${Date.now()}@example.com`;

  await page.goto(baseUrl);
  assert.match(await page.locator('h1').textContent(), /Feedback that comes back/);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.waitForURL('**/auth/check-email?**');
  assert.match(await page.locator('h1').textContent(), /Check your email/);
  assert.equal(await page.getByLabel('Email address').inputValue(), email);
  await expectAccessible(page, 'check your email');

  await page.goto(`${baseUrl}/dev/mailbox`);
  const message = page.locator('article.mail', { hasText: email }).first();
  await message.getByRole('link', { name: /auth\/callback\?token=/ }).click();

  await page.waitForURL('**/auth/callback?token=**');
  assert.match(await page.locator('h1').textContent(), /^Sign in to Volley as e…@example\.com$/);
  await expectAccessible(page, 'sign-in confirmation');
  await page.getByRole('button', { name: 'Sign in as e…@example.com' }).click();

  await page.waitForURL('**/dashboard');
  assert.match(await page.locator('main').textContent(), new RegExp(`signed in as ${email.replace('.', '\\.')}`, 'i'));
  assert.match(await page.locator('header.site').textContent(), /Signed in as/);

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.waitForURL(`${baseUrl}/`);
  assert.match(await page.locator('header.site').textContent(), /Sign in/);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('with JavaScript off: a bad address is explained next to the field, and the link signs in with one click', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(baseUrl);
  assert.equal(await page.getByRole('button', { name: 'Sign in with a passkey' }).isVisible(), false);
  await page.getByLabel('Email address').fill('not-an-address');
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  assert.match(await page.locator('#email-error').textContent(), /valid email address/);
  assert.equal(await page.getByLabel('Email address').getAttribute('aria-invalid'), 'true');

  const email = `nojs-${Date.now()}@example.com`;
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.waitForURL('**/auth/check-email?**');
  const sent = await latestEmailTo(baseUrl, email);
  const link = sent.text.match(/http\S+token=\S+/)[0];
  await page.goto(link);
  await page.getByRole('button', { name: /^Sign in as / }).click();
  await page.waitForURL('**/dashboard');
  await context.close();
});

test('a used link says so and offers a way to ask again', async () => {
  const page = await (await browser.newContext()).newPage();
  const email = `used-${Date.now()}@example.com`;
  await page.goto(baseUrl);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.waitForURL('**/auth/check-email?**');
  const link = (await latestEmailTo(baseUrl, email)).text.match(/http\S+token=\S+/)[0];
  await page.goto(link);
  await page.getByRole('button', { name: /^Sign in as / }).click();
  await page.waitForURL('**/dashboard');
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.waitForURL(`${baseUrl}/`);

  await page.goto(link);
  assert.match(await page.locator('h1').textContent(), /cannot be used/);
  await expectAccessible(page, 'unusable link');
  await page.getByRole('link', { name: 'Ask for a new link' }).click();
  await page.waitForURL(`${baseUrl}/#sign-in`);
  await page.context().close();
});
