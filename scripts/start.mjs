// npm start: bring the local D1 up to date, then serve on http://localhost:8787.
import { spawnSync, spawn } from 'node:child_process';

const wrangler = (args, options = {}) => spawn('wrangler', args, { stdio: 'inherit', ...options });

// `npm start -- --persist-to <dir>` serves another local database: migrate and check that one too.
const args = process.argv.slice(2);
const at = args.findIndex((a) => a === '--persist-to' || a.startsWith('--persist-to='));
const persist = at < 0 ? [] : args[at].includes('=') ? [args[at]] : args.slice(at, at + 2);

// stdin closed: wrangler then applies migrations without asking for confirmation.
const migrate = spawnSync('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local', ...persist], {
  stdio: ['ignore', 'inherit', 'inherit'],
});
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

// A fresh database has no drafts: point at the demo data. Best effort only: this never stops the server.
function draftCount() {
  try {
    const check = spawnSync('wrangler', ['d1', 'execute', 'DB', '--local', ...persist, '--json', '--command', 'SELECT count(*) AS n FROM drafts'], {
      stdio: ['ignore', 'pipe', 'ignore'],
      encoding: 'utf8',
      timeout: 20_000,
    });
    if (check.status !== 0) return null;
    const n = JSON.parse(check.stdout.slice(check.stdout.indexOf('[')))[0]?.results?.[0]?.n;
    return typeof n === 'number' ? n : null;
  } catch {
    return null;
  }
}
if (draftCount() === 0) {
  console.log('\nThe database is empty: run `npm run seed` in another terminal for demo members and drafts.');
}

// `npm start -- --port 9000` moves the server; email links follow it.
const portAt = args.findIndex((a) => a === '--port' || a.startsWith('--port='));
const port = portAt < 0 ? '8787' : args[portAt].includes('=') ? args[portAt].split('=')[1] : args[portAt + 1];
const portArgs = portAt < 0 ? ['--port', port] : [];
const origin = `http://localhost:${port}`;

// The dev mailbox is switched on here, never in wrangler.toml, so a deployed Worker never shows it; links in
// email are built from APP_ORIGIN only, so it names this server.
console.log(`\nVolley runs at ${origin} — email goes to the dev mailbox at ${origin}/dev/mailbox\n`);
// Locally the demo's Ada moderates (/admin/reports), unless ADMIN_EMAILS is given on the command line.
const moderator = args.some((a) => a.startsWith('ADMIN_EMAILS')) ? [] : ['--var', 'ADMIN_EMAILS:ada@volley.example'];
const dev = wrangler(['dev', '--test-scheduled', ...portArgs, '--var', 'DEV_MAILBOX:true', '--var', `APP_ORIGIN:${origin}`, ...moderator, ...args]);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => dev.kill(signal));
dev.on('exit', (code) => process.exit(code ?? 0));
