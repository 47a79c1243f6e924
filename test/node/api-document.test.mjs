import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientTypes, schemaFile, servedDocument } from '../../scripts/generate-client.mjs';

let document;
const dir = mkdtempSync(join(tmpdir(), 'volley-openapi-'));

beforeAll(async () => {
  document = await servedDocument();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `#/paths/~1drafts~1{id}/post/operationId` as "POST /drafts/{id} (withdrawDraft): operationId". */
function where(pointer) {
  const [, paths, path, method, ...rest] = pointer.split('/');
  if (paths !== 'paths' || !method) return pointer;
  const decoded = path.replace(/~1/g, '/').replace(/~0/g, '~');
  const id = document.paths[decoded]?.[method]?.operationId ?? 'no operationId';
  return `${method.toUpperCase()} ${decoded} (${id})${rest.length ? `: ${rest.join('/')}` : ''}`;
}

describe('the OpenAPI document the app serves', () => {
  it("passes Redocly's recommended lint with no error and no warning", () => {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const run = spawnSync('redocly', ['lint', file, '--format', 'json'], { encoding: 'utf8' });
    const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{')));
    const problems = report.problems.map((p) => `${p.severity} ${p.ruleId} at ${where(p.location[0]?.pointer ?? '')}: ${p.message}`);
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('every operation has a verb-noun operationId, a tag and its security declared', () => {
    const missing = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const name = `${method.toUpperCase()} ${path}`;
        if (!/^[a-z]+[A-Z][A-Za-z]*$/.test(operation.operationId ?? '')) missing.push(`${name}: operationId`);
        if (!operation.tags?.length) missing.push(`${name}: tags`);
        if (!Array.isArray(operation.security)) missing.push(`${name}: security`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('the committed typed client is what `npm run client:generate` writes now', async () => {
    const committed = readFileSync(schemaFile, 'utf8');
    expect(committed === (await clientTypes(document)), 'clients/typescript/schema.ts is stale: run `npm run client:generate`').toBe(true);
  });
});
