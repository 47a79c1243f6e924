// npm run bench:load — many members using Volley at once against `wrangler dev`, then an audit of the books.
// Usage: npm run bench:load [-- --members 300 --clients 60 --seconds 60]
// Reports requests served, the status mix (target: zero 5xx) and whether every invariant held afterwards.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVolleyClient } from '../clients/typescript/index.ts';
import { signIn } from './load.mjs';
import { migrate, openLocalD1, root, wranglerSpawn } from './local-d1.mjs';
import { freePort } from './server.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const MEMBERS = Number(args.members ?? 300);
const CLIENTS = Number(args.clients ?? 60);
const SECONDS = Number(args.seconds ?? 60);

const GENRES = ['fiction', 'poetry', 'essay', 'memoir', 'fantasy', 'mystery'];
const words = (n, seed) => Array.from({ length: n }, (_, i) => `${seed}${i}`).join(' ');
const pick = (list) => list[Math.floor(Math.random() * list.length)];

async function startDev(persistTo) {
  const port = await freePort(8797);
  const child = wranglerSpawn(['dev', '--port', String(port), '--ip', '127.0.0.1', '--persist-to', persistTo, '--test-scheduled', '--show-interactive-dev-session=false', '--log-level', 'warn',
    // The dev mailbox is on only where switched on; links come from APP_ORIGIN alone.
    '--var', 'DEV_MAILBOX:true', '--var', `APP_ORIGIN:http://127.0.0.1:${port}`]);
  let tail = '';
  child.stdout.on('data', (d) => (tail = (tail + d).slice(-4000)));
  child.stderr.on('data', (d) => (tail = (tail + d).slice(-4000)));
  const baseUrl = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 120_000; ; ) {
    try {
      if ((await fetch(`${baseUrl}/api/v1/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`wrangler dev did not start:\n${tail}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    baseUrl,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    },
  };
}

/** One member's session of use: what they do is drawn at random, weighted like a real exchange. */
function client(baseUrl, member, stats, until) {
  // The typed client, its every answer timed and counted.
  const volley = createVolleyClient(baseUrl, {
    token: member.token,
    fetch: async (request) => {
      const started = performance.now();
      const response = await fetch(request);
      stats.requests++;
      stats.ms.push(performance.now() - started);
      stats.status[response.status] = (stats.status[response.status] ?? 0) + 1;
      if (response.status >= 500) stats.errors.push(`${request.method} ${request.url} → ${response.status} ${(await response.clone().text()).slice(0, 200)}`);
      return response;
    },
  });
  const id = (value) => ({ params: { path: { id: value } } });

  const actions = [
    [30, async () => volley.GET('/queue', { params: { query: Math.random() < 0.3 ? { genre: pick(GENRES) } : {} } })],
    [10, async () => volley.GET('/me')],
    [10, async () => {
      const posted = await volley.POST('/drafts', { body: { title: `Load draft ${Math.random().toString(36).slice(2, 8)}`, body: `${words(60, 'a')}\n\n${words(60, 'b')}`, genre: pick(GENRES), reviewsWanted: 1 + Math.floor(Math.random() * 2) } });
      if (posted.data) member.drafts.push(posted.data.id);
    }],
    [15, async () => {
      const queue = await volley.GET('/queue');
      const target = queue.data?.items?.[Math.floor(Math.random() * Math.min(5, queue.data.items.length))];
      if (!target) return;
      const claimed = await volley.POST('/drafts/{id}/claims', id(target.id));
      if (claimed.data) member.claims.push({ id: claimed.data.id, draftId: target.id });
    }],
    [20, async () => {
      const claim = member.claims.shift();
      if (!claim) return;
      const submitted = await volley.POST('/drafts/{id}/reviews', { ...id(claim.draftId), body: { body: words(160, 'r'), inline: [{ paragraph: 0, quote: '', body: 'Good start.' }] } });
      if (!submitted.data && Math.random() < 0.5) await volley.DELETE('/claims/{id}', id(claim.id));
    }],
    [10, async () => {
      const draftId = pick(member.drafts);
      if (!draftId) return;
      const reviews = await volley.GET('/drafts/{id}/reviews', id(draftId));
      const review = reviews.data?.items?.find((r) => r.helpful === null);
      if (!review) return;
      await volley.POST('/reviews/{id}/rating', { ...id(review.id), body: { helpful: Math.random() < 0.7 } });
      if (Math.random() < 0.5) await volley.POST('/reviews/{id}/replies', { ...id(review.id), body: { body: 'Thank you — this helps.' } });
    }],
    [3, async () => {
      const draftId = pick(member.drafts);
      if (draftId) await volley.POST('/drafts/{id}/withdraw', id(draftId));
    }],
    [2, async () => volley.GET('/me/ledger')],
  ];
  const total = actions.reduce((n, [w]) => n + w, 0);
  return (async () => {
    while (Date.now() < until) {
      let roll = Math.random() * total;
      const [, act] = actions.find(([w]) => (roll -= w) < 0);
      await act();
    }
  })();
}

/** The invariants of DESIGN.md, over the whole database. Each query returns the rows that break one. */
const INVARIANTS = {
  'no negative member or escrow balance': "SELECT id, balance FROM accounts WHERE kind <> 'mint' AND balance < 0",
  'sum of all balances equals what the mint issued': 'SELECT sum(balance) AS total FROM accounts HAVING sum(balance) <> 0',
  "each balance equals its ledger entries": `SELECT a.id FROM accounts a WHERE a.balance <>
      coalesce((SELECT sum(amount) FROM transfers WHERE to_account = a.id), 0) - coalesce((SELECT sum(amount) FROM transfers WHERE from_account = a.id), 0)`,
  'no draft has more reviews than it paid for': 'SELECT id FROM drafts WHERE reviews_received > reviews_wanted OR reviews_received <> (SELECT count(*) FROM reviews r WHERE r.draft_id = drafts.id)',
  'every review paid exactly once': "SELECT r.id FROM reviews r WHERE (SELECT count(*) FROM transfers t WHERE t.reason = 'review_paid' AND t.review_id = r.id) <> 1",
  'no reviewer reviewed their own draft': 'SELECT r.id FROM reviews r JOIN drafts d ON d.id = r.draft_id WHERE r.reviewer_id = d.author_id',
  'every outbox row delivered or dead': "SELECT id, status, last_error FROM email_outbox WHERE status NOT IN ('sent', 'dead')",
};

const persistTo = mkdtempSync(join(tmpdir(), 'volley-soak-'));
const stats = { requests: 0, ms: [], status: {}, errors: [] };
let report;
try {
  migrate(persistTo);
  const server = await startDev(persistTo);
  try {
    console.log(`signing in ${MEMBERS} members through the magic-link flow…`);
    const members = [];
    for (let i = 0; i < MEMBERS; i++) {
      members.push({ token: await signIn(server.baseUrl, `soak-${i}@load.example`), drafts: [], claims: [] });
    }
    console.log(`${CLIENTS} concurrent clients for ${SECONDS} s…`);
    const started = Date.now();
    const until = started + SECONDS * 1000;
    await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(server.baseUrl, members[i % members.length], stats, until)));
    const elapsed = (Date.now() - started) / 1000;
    // One cron run: any email still waiting (none should be) goes out, lapsed claims are tidied.
    await fetch(`${server.baseUrl}/__scheduled?cron=*+*+*+*+*`);
    await new Promise((r) => setTimeout(r, 2000));
    stats.ms.sort((a, b) => a - b);
    report = {
      members: MEMBERS,
      clients: CLIENTS,
      seconds: SECONDS,
      requests: stats.requests,
      requestsPerSecond: Math.round(stats.requests / elapsed),
      p50ms: Math.round(stats.ms[Math.floor(stats.ms.length / 2)] ?? 0),
      p99ms: Math.round(stats.ms[Math.floor(stats.ms.length * 0.99)] ?? 0),
      status: stats.status,
      serverErrors: stats.errors.length,
      errorSamples: stats.errors.slice(0, 5),
    };
  } finally {
    await server.stop();
  }
  const { db, close } = await openLocalD1(persistTo);
  try {
    report.invariants = {};
    for (const [name, query] of Object.entries(INVARIANTS)) {
      const { results } = await db.prepare(query).all();
      report.invariants[name] = results.length === 0 ? 'held' : `BROKEN: ${JSON.stringify(results.slice(0, 3))}`;
    }
    const [totals] = (await db.prepare(`SELECT (SELECT count(*) FROM drafts) AS drafts, (SELECT count(*) FROM reviews) AS reviews,
      (SELECT count(*) FROM transfers) AS transfers, (SELECT -balance FROM accounts WHERE id = 'mint') AS minted,
      (SELECT count(*) FROM email_outbox) AS emails`).all()).results;
    report.totals = totals;
  } finally {
    await close();
  }
} finally {
  rmSync(persistTo, { recursive: true, force: true });
}

mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'soak.json'), JSON.stringify(report, null, 2));
console.log(JSON.stringify(report, null, 2));
const ok = report.serverErrors === 0 && Object.values(report.invariants).every((v) => v === 'held');
console.log(ok ? '\nload: zero 5xx, every invariant held' : '\nload: FAILED (see above)');
process.exit(ok ? 0 : 1);
