// Debian's Chromium driven by playwright-core: browsers cannot be downloaded here.
import { chromium } from 'playwright-core';

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** The newest email to `to` in the dev mailbox, read the way a developer would. */
export async function latestEmailTo(baseUrl, to) {
  const emails = await (await fetch(`${baseUrl}/dev/mailbox.json`)).json();
  const mine = emails.filter((e) => e.to === to);
  if (!mine.length) throw new Error(`no email to ${to}`);
  return mine.at(-1);
}

/** Fails the journey on any page error, including a CSP refusal. */
export function watchForPageErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}
