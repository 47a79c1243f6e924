// A writer comes back to a reviewer they trust: from the review to the profile, follow, invite to a new draft;
// the reviewer accepts from the email and reviews; the author sees them under "Return the favour". Axe checks
// the new pages (profile, block confirmation, invitation, dashboard) in light and dark.
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

const draftBody = 'The tide came in twice that evening.\n\nNobody on the pier believed the second one.';

async function expectNoSeriousAxeFindings(page, label, colorScheme) {
  const axe = new AxeBuilder({ page });
  if (colorScheme === 'dark') axe.withRules(['color-contrast', 'link-in-text-block']);
  const { violations } = await axe.analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious.map((v) => `${label} (${colorScheme}): ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
}

test('open a reviewer’s profile from their review, follow, invite; they accept from the email and review; return the favour', async () => {
  const author = await signInByApi(baseUrl, 'favour-author');
  const reviewer = await signInByApi(baseUrl, 'favour-reviewer');
  await api(baseUrl, '/me', { method: 'PATCH', token: reviewer.token, body: { bio: 'I read poems aloud before I comment.' } });
  const first = await api(baseUrl, '/drafts', { token: author.token, body: { title: `Pier ${Date.now()}`, body: draftBody, genre: 'poetry', reviewsWanted: 1 } });
  await api(baseUrl, `/drafts/${first.id}/reviews`, { token: reviewer.token, body: { body: longReview(), inline: [] } });

  // The author opens the reviewer's profile from the review.
  const authorContext = await contextFor(browser, baseUrl, author);
  const a = await authorContext.newPage();
  const authorErrors = watchForPageErrors(a);
  await a.goto(`${baseUrl}/drafts/${first.id}`);
  await a.locator('.review .review-by').getByRole('link', { name: reviewer.member.name, exact: true }).click();
  await a.waitForURL(`**/members/${reviewer.member.id}`);
  assert.match(await a.locator('main').textContent(), /I read poems aloud/);
  assert.match(await a.locator('.stats').textContent(), /Reviews given\s*1/);

  // Follow them.
  await a.getByRole('button', { name: /^Follow/ }).click();
  await a.waitForURL(/done=followed/);
  assert.ok(await a.getByRole('button', { name: /^Unfollow/ }).isVisible());

  // Invite them to a new draft.
  const second = await api(baseUrl, '/drafts', { token: author.token, body: { title: `Breakwater ${Date.now()}`, body: draftBody, genre: 'poetry', reviewsWanted: 1 } });
  await a.reload();
  await a.getByLabel('One of your open drafts').selectOption(second.id);
  await a.getByRole('button', { name: 'Send invitation' }).click();
  await a.waitForURL(/done=invited/);
  assert.match(await a.locator('.notice').textContent(), /Invitation sent/);

  // The reviewer opens the link in their email and accepts.
  const mailbox = await (await fetch(`${baseUrl}/dev/mailbox.json`)).json();
  const invitationEmail = mailbox.find((m) => m.to === reviewer.email && m.subject.includes(second.title));
  assert.ok(invitationEmail, 'the invitee was emailed');
  const link = invitationEmail.text.match(/https?:\/\/\S+\/invitations\/[a-z2-7]+/)[0];
  const reviewerContext = await contextFor(browser, baseUrl, reviewer);
  const r = await reviewerContext.newPage();
  const reviewerErrors = watchForPageErrors(r);
  await r.goto(link.replace(/^https?:\/\/[^/]+/, baseUrl));
  await r.getByRole('button', { name: 'Accept and start reviewing' }).click();
  await r.waitForURL(`**/drafts/${second.id}/review`);
  await r.getByLabel('Your overall review').fill(longReview('A second read, by invitation.'));
  await r.getByRole('button', { name: /Send review/ }).click();
  await r.waitForURL(/\?sent=1/);

  // The author sees them under "Return the favour", with the two reviews they gave.
  await a.goto(`${baseUrl}/dashboard`);
  const favours = a.locator('section[aria-labelledby="favours-heading"]');
  assert.match(await favours.textContent(), new RegExp(`${reviewer.member.name} gave you 2 reviews`));
  assert.match(await a.locator('section[aria-labelledby="following-heading"]').textContent(), new RegExp(reviewer.member.name));
  assert.match(await a.locator('section[aria-labelledby="sent-heading"]').textContent(), /accepted/);

  assert.deepEqual(authorErrors, []);
  assert.deepEqual(reviewerErrors, []);
  await authorContext.close();
  await reviewerContext.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`the profile, block confirmation, invitation and dashboard pass axe (${colorScheme})`, async () => {
    const author = await signInByApi(baseUrl, 'axe-author');
    const invitee = await signInByApi(baseUrl, 'axe-invitee');
    const draft = await api(baseUrl, '/drafts', { token: author.token, body: { title: 'Axe draft', body: draftBody, genre: 'essay', reviewsWanted: 1 } });
    const invitation = await api(baseUrl, `/drafts/${draft.id}/invitations`, { token: author.token, body: { memberId: invitee.member.id } });
    const context = await contextFor(browser, baseUrl, invitee, { colorScheme });
    const page = await context.newPage();
    for (const [label, path] of [
      ['profile', `/members/${author.member.id}`],
      ['block confirmation', `/members/${author.member.id}/block`],
      ['invitation', `/invitations/${invitation.id}`],
      ['dashboard', '/dashboard'],
      ['settings', '/settings'],
    ]) {
      await page.goto(`${baseUrl}${path}`);
      await expectNoSeriousAxeFindings(page, label, colorScheme);
    }
    await context.close();
  });
}
