// npm run test:e2e: one wrangler dev for all journeys, then node's test runner over e2e/*.e2e.mjs (or those E2E_JOURNEYS names).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { startServer } from './server.mjs';

const server = await startServer(Number(process.env.E2E_PORT ?? 8790));
let status = 1;
try {
  // E2E_JOURNEYS=sign-in-passkey,works runs those journeys alone (file names without .e2e.mjs).
  const only = process.env.E2E_JOURNEYS?.split(',').map((name) => `${name.trim()}.e2e.mjs`);
  const journeys = readdirSync('e2e')
    .filter((f) => f.endsWith('.e2e.mjs') && (!only || only.includes(f)))
    .map((f) => `e2e/${f}`);
  if (journeys.length === 0) throw new Error(`no journey matches E2E_JOURNEYS=${process.env.E2E_JOURNEYS}`);
  const run = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...journeys], {
    stdio: 'inherit',
    env: { ...process.env, VOLLEY_URL: server.baseUrl },
  });
  status = run.status ?? 1;
  if (status !== 0) console.error('\n--- wrangler dev log ---\n' + server.log().slice(-4000));
} finally {
  server.stop();
}
process.exit(status);
