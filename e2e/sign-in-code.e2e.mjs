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

test('a writer types the emailed code on the check-your-email page (the mail is on another device)', async () => {
  const page = await (await browser.newContext()).newPage();
  const errors = watchForPageErrors(page);
  const email = `code-${Date.now()}@example.com`;
  await page.goto(baseUrl);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.waitForURL('**/auth/check-email?**');
  assert.equal(await page.getByLabel('Email address').inputValue(), email);

  const code = (await latestEmailTo(baseUrl, email)).text.match(/^\s+(\d{6})$/m)[1];
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
  await page.getByLabel('Code from the email').fill(wrong);
  await page.getByRole('button', { name: 'Sign in with the code' }).click();
  assert.match(await page.locator('#code-error').textContent(), /wrong, expired or already used/);
  assert.equal(await page.getByLabel('Code from the email').getAttribute('aria-invalid'), 'true');
  const { violations } = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), []);

  await page.getByLabel('Code from the email').fill(`${code.slice(0, 3)} ${code.slice(3)}`);
  await page.getByRole('button', { name: 'Sign in with the code' }).click();
  await page.waitForURL('**/dashboard');
  assert.match(await page.locator('main').textContent(), new RegExp(`signed in as ${email.replace('.', '\\.')}`, 'i'));
  // The page logs the 400 of the wrong code as a resource error; nothing else may appear.
  assert.deepEqual(errors.filter((e) => !/status of 400/.test(e)), []);
  await page.context().close();
});
