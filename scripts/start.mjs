// npm start: bring the local D1 up to date, then serve on http://localhost:8787.
import { spawnSync, spawn } from 'node:child_process';

const wrangler = (args, options = {}) => spawn('wrangler', args, { stdio: 'inherit', ...options });

// stdin closed: wrangler then applies migrations without asking for confirmation.
const migrate = spawnSync('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local'], {
  stdio: ['ignore', 'inherit', 'inherit'],
});
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

console.log('\nVolley runs at http://localhost:8787 — email goes to the dev mailbox at http://localhost:8787/dev/mailbox\n');
const dev = wrangler(['dev', '--test-scheduled', '--port', '8787', ...process.argv.slice(2)]);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => dev.kill(signal));
dev.on('exit', (code) => process.exit(code ?? 0));
