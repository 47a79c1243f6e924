// The settings form as a member sees it: each checkbox beside its label, the genres in a compact grid,
// on a desktop and on a phone. Only a browser lays the page out, so only a browser can check this.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser } from './browser.mjs';
import { contextFor, signInByApi } from './members.mjs';

const baseUrl = process.env.VOLLEY_URL;
let browser;
let member;

before(async () => {
  browser = await launchBrowser();
  member = await signInByApi(baseUrl, 'settings-layout');
});

after(async () => {
  await browser?.close();
});

for (const width of [1280, 390]) {
  test(`at ${width} px each checkbox sits beside its label and the genres share rows`, async () => {
    const context = await contextFor(browser, baseUrl, member, { viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/settings`);
    const labels = await page.locator('label.checkbox').evaluateAll((nodes) =>
      nodes.map((label) => {
        const box = label.querySelector('input').getBoundingClientRect();
        const text = label.getBoundingClientRect();
        return { name: label.textContent.trim(), box: { x: box.x, y: box.y, width: box.width, height: box.height }, label: { x: text.x, y: text.y, height: text.height } };
      }),
    );
    assert.ok(labels.length > 10, 'the genre and email checkboxes are there');
    for (const { name, box, label } of labels) {
      assert.ok(box.width < 40, `${name}: the checkbox is a box, not a ${box.width}px bar`);
      // Beside the label's first line: its middle within the label's top line, not on a line of its own above.
      const middle = box.y + box.height / 2;
      assert.ok(middle > label.y && middle < label.y + 32, `${name}: checkbox at y=${box.y}, label from y=${label.y}`);
      assert.ok(box.x < label.x + 8, `${name}: the checkbox starts its label`);
    }
    const genreRows = new Set(
      await page.locator('.checkbox-grid label.checkbox').evaluateAll((nodes) => nodes.map((n) => Math.round(n.getBoundingClientRect().y))),
    );
    const genres = await page.locator('.checkbox-grid label.checkbox').count();
    assert.ok(genreRows.size <= Math.ceil(genres / 2), `${genres} genres on ${genreRows.size} rows`);
    // Each grid of checkboxes is as tall as its rows, not a box a line (Settings grows with features, so not the page).
    for (const grid of await page.locator('.checkbox-grid').all()) {
      const rows = new Set(await grid.locator('label.checkbox').evaluateAll((nodes) => nodes.map((n) => Math.round(n.getBoundingClientRect().y))));
      const { height } = await grid.boundingBox();
      assert.ok(height <= rows.size * 48, `a grid of ${rows.size} rows is ${height}px tall`);
    }
    // Other forms keep their full-width fields.
    const nameField = await page.locator('#name').boundingBox();
    const form = await page.locator('form.card').boundingBox();
    assert.ok(nameField.width > form.width * 0.8, 'the name field still spans the form');
    await context.close();
  });
}
