// npm run test:e2e: one wrangler dev for all journeys, then node's test runner over e2e/*.e2e.mjs.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { startServer } from './server.mjs';

const server = await startServer(Number(process.env.E2E_PORT ?? 8790));
let status = 1;
try {
  const journeys = readdirSync('e2e').filter((f) => f.endsWith('.e2e.mjs')).map((f) => `e2e/${f}`);
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
