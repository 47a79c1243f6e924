// Passkeys in Chromium with its virtual authenticator (CDP WebAuthn domain). WebAuthn refuses IP addresses
// as relying parties, so this journey uses http://localhost (a secure context, like https).
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { launchBrowser, watchForPageErrors } from './browser.mjs';
import { contextFor, signInByApi } from './members.mjs';

const baseUrl = process.env.VOLLEY_URL;
const localhost = baseUrl.replace('127.0.0.1', 'localhost');
let browser;

before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('the served browser bundle is the installed @simplewebauthn/browser', async () => {
  const served = await (await fetch(`${baseUrl}/assets/vendor/simplewebauthn-browser.js`)).text();
  assert.equal(served, readFileSync('node_modules/@simplewebauthn/browser/dist/bundle/index.umd.min.js', 'utf8'));
});

test('a member adds a passkey in Settings, signs out, and signs in with it (no email)', async () => {
  const member = await signInByApi(baseUrl, 'passkey');
  const context = await contextFor(browser, localhost, member);
  const page = await context.newPage();
  const errors = watchForPageErrors(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });

  await page.goto(`${localhost}/settings`);
  await page.getByRole('link', { name: 'Manage passkeys' }).click();
  await page.waitForURL('**/settings/passkeys');
  assert.match(await page.locator('main').textContent(), /No passkeys yet/);
  await page.getByRole('button', { name: 'Add a passkey' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.passkey-list li').length === 1);
  const name = await page.locator('.passkey-list li strong').textContent();
  assert.match(name, /^Chrome on Linux, \d{1,2} [A-Z][a-z]{2} \d{4}$/);
  const { violations } = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), []);

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.waitForURL(`${localhost}/`);
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await page.waitForURL('**/dashboard');
  assert.match(await page.locator('main').textContent(), new RegExp(`signed in as ${member.email.replace('.', '\\.')}`, 'i'));

  // Removing it: it no longer signs in.
  await page.goto(`${localhost}/settings/passkeys`);
  await page.getByRole('button', { name: `Remove ${name}` }).click();
  await page.waitForURL('**/settings/passkeys?removed=1');
  assert.match(await page.locator('main').textContent(), /No passkeys yet/);
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.waitForURL(`${localhost}/`);
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await page.locator('#passkey-error').waitFor({ state: 'visible' });
  assert.match(await page.locator('#passkey-error').textContent(), /not registered here|removed/);
  assert.match(await page.locator('header.site').textContent(), /Sign in/);
  // The refused assertion is logged by the browser as a failed request; nothing else may appear.
  assert.deepEqual(errors.filter((e) => !/status of 400/.test(e)), []);
  await context.close();
});
