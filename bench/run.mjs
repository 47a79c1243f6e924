// npm run bench: Volley's speed and cost at 1,000, 10,000 and 100,000 drafts, written to BENCHMARKS.md.
//
// For each size: a fresh local D1 (its own --persist-to directory), the migrations, generated data (bench/seed.mjs),
// then `wrangler dev` (local workerd and D1) on a free port. Members sign in through the real magic-link flow; each
// endpoint is sampled one request at a time for its Server-Timing (D1 calls, rows read and written), then loaded
// with autocannon, in rounds that alternate with a floor route (GET /api/v1/health: one `SELECT 1`), so every figure
// is also given as a multiple of the floor measured beside it. Then page weights, and the same endpoints once more
// without wrangler's local proxy: the deployable bundle in Miniflare, in this process, on the same database
// (bench/direct.mjs). Then the Worker bundle, and the Markdown CPU figures where bench/markdown-cpu.mjs exists.
//
//   npm run bench                                   all three sizes; rewrites BENCHMARKS.md
//   npm run bench -- --sizes 1000,10000             a quicker run; writes bench/results/ only
//   npm run bench -- --duration 3 --rounds 5 --connections 20
//   npm run bench -- --sizes 1000 --duration 1 --rounds 1 --no-write    a smoke run: does it all still work?
//
// Not part of `npm test` or CI: it takes minutes and its numbers depend on the machine.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { queueStatement, explain, rowsRead, sessionStatement } from './app-queries.mjs';
import { endpoints, weighedPages } from './endpoints.mjs';
import { createVolleyClient } from '../clients/typescript/index.ts';
import { compareWithFloor, sampleCost, signIn } from './load.mjs';
import { importApp } from './import-app.mjs';
import { applyStatements, migrate, openLocalD1, root, wranglerSync } from './local-d1.mjs';
import { renderReport, writeBenchmarksFile } from './report.mjs';
import { loadRenderer } from './rendering.mjs';
import { generate } from './seed.mjs';
import { freePort, startServer } from './server.mjs';
import { buildWorker, directRuns, startDirect } from './direct.mjs';
import { measureBundle, measurePage } from './weight.mjs';

const usage = `npm run bench [-- options]
  --sizes 1000,10000,100000   draft counts to run (default: all three)
  --duration 2                seconds of each run of load (an endpoint gets --rounds runs, each after a run of the floor)
  --rounds 3                  runs per endpoint
  --warmup 1                  seconds of warmup load before each endpoint (and the floor)
  --connections 10            concurrent connections
  --port 8795                 first port to try for wrangler dev
  --no-direct                 skip the runs without wrangler's proxy (Miniflare dispatchFetch)
  --write                     rewrite BENCHMARKS.md even without the 100,000 run
  --no-write                  never rewrite BENCHMARKS.md
  --report <results.json>     no run: write the report of a saved run (bench/results/*.json) again`;

function parseArgs(argv) {
  const options = { sizes: [1_000, 10_000, 100_000], duration: 2, rounds: 3, warmup: 1, connections: 10, port: 8795, write: null, report: null, direct: true };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    const value = () => inline ?? argv[++i];
    if (flag === '--sizes') options.sizes = value().split(',').map((s) => Number(s.replace(/[_,]/g, '')));
    else if (flag === '--duration') options.duration = Number(value());
    else if (flag === '--warmup') options.warmup = Number(value());
    else if (flag === '--rounds') options.rounds = Number(value());
    else if (flag === '--connections') options.connections = Number(value());
    else if (flag === '--port') options.port = Number(value());
    else if (flag === '--report') options.report = value();
    else if (flag === '--write') options.write = true;
    else if (flag === '--no-write') options.write = false;
    else if (flag === '--no-direct') options.direct = false;
    else if (flag === '--help' || flag === '-h') {
      console.log(usage);
      process.exit(0);
    } else {
      console.error(`Unknown option ${argv[i]}\n\n${usage}`);
      process.exit(2);
    }
  }
  if (options.sizes.some((n) => !Number.isInteger(n) || n < 500)) {
    console.error('--sizes takes whole draft counts of at least 500, e.g. --sizes 1000,10000');
    process.exit(2);
  }
  return options;
}

const log = (message) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
const seconds = (since) => Math.round((Date.now() - since) / 100) / 10;

function machine() {
  const run = (command) => {
    try {
      return execSync(command, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  const pkg = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: run('uname -sr') ?? process.platform,
    node: process.version,
    wrangler: pkg('wrangler'),
    workerd: pkg('workerd'),
    autocannon: pkg('autocannon'),
    loadAverageAtStart: loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

/** The columns of the tables the seed writes, in the migrated database: columns landing on other branches are filled only where they exist. */
async function tableColumns(db, tables = ['members', 'works', 'drafts', 'reviews', 'inline_comments', 'replies']) {
  const columns = new Map();
  for (const table of tables) {
    const { results } = await db.prepare(`PRAGMA table_info(${table})`).all();
    columns.set(table, new Set(results.map((c) => c.name)));
  }
  return columns;
}

const RENDERED_COLUMNS = [['drafts', 'paragraphs_html'], ['drafts', 'excerpt'], ['reviews', 'body_html'], ['inline_comments', 'body_html'], ['replies', 'body_html']];

async function seedDatabase(size, persistTo) {
  const started = Date.now();
  migrate(persistTo);
  const { db, close } = await openLocalD1(persistTo);
  try {
    const columns = await tableColumns(db);
    const rendered = RENDERED_COLUMNS.filter(([table, column]) => columns.get(table)?.has(column));
    const render = rendered.length ? await loadRenderer() : null;
    if (render) log(`  stored renderings: ${rendered.map((c) => c.join('.')).join(', ')}`);
    const generated = generate(size, { columns, render });
    let shown = 0;
    await applyStatements(db, generated.statements, {
      onProgress: (done, total) => {
        const percent = Math.floor((done / total) * 100);
        if (percent >= shown + 25) log(`  seeded ${(shown = percent)} %`);
      },
    });
    return { ...generated, seedSeconds: seconds(started) };
  } finally {
    await close();
  }
}

/** After the load: the queue's query plans, and what the session lookup reads (D1 returns no meta for it). */
async function inspectQueries(persistTo, memberId, sessionToken, queueCursor) {
  const { db, close } = await openLocalD1(persistTo);
  try {
    const now = Date.now();
    const queue = await queueStatement(memberId, {}, now);
    const genre = await queueStatement(memberId, { genre: 'poetry' }, now);
    const next = await queueStatement(memberId, { cursor: queueCursor }, now);
    // The session lookup as its own statement, where the app still makes one (it may come to ride in each batch).
    const session = await sessionStatement(sessionToken, now).catch(() => null);
    return {
      queueSql: queue.sql,
      plans: { queue: await explain(db, queue), genre: await explain(db, genre), cursor: await explain(db, next) },
      sessionPlan: session ? await explain(db, session) : null,
      sessionRowsRead: session ? await rowsRead(db, session) : null,
      rowCounts: await db
        .prepare(
          `SELECT (SELECT count(*) FROM drafts) AS drafts, (SELECT count(*) FROM reviews) AS reviews,
             (SELECT count(*) FROM transfers) AS transfers, (SELECT count(*) FROM claims) AS claims`,
        )
        .first(),
      // What an email costs in storage: each outbox row keeps its subject, text and HTML.
      outbox: await db
        .prepare(
          `SELECT count(*) AS emails,
             coalesce(round(avg(length(subject) + length(text_body) + length(html_body) + length(headers))), 0) AS averageBytes
           FROM email_outbox`,
        )
        .first(),
    };
  } finally {
    await close();
  }
}

/** The SQLite files of the local D1 (database, WAL), in bytes. */
function databaseBytes(persistTo) {
  const dir = join(persistTo, 'v3', 'd1', 'miniflare-D1DatabaseObject');
  try {
    return readdirSync(dir)
      .filter((name) => !name.startsWith('metadata') && (name.endsWith('.sqlite') || name.endsWith('.sqlite-wal')))
      .reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
  } catch {
    return null;
  }
}

/** What to undo if the run is interrupted (Ctrl-C): the running server, the temporary database. */
const cleanups = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    for (const cleanup of cleanups) await cleanup();
    process.exit(130);
  });
}

/**
 * The endpoints again, on the Worker alone: Miniflare runs the deployable bundle on the same database, with the
 * same sessions, and a loop in this process sends the requests. The generators carry on where the `wrangler dev`
 * runs left them, so writes stay new.
 */
async function runDirect(persistTo, worker, fixtures, floor, measured, options) {
  const direct = await startDirect({
    persistTo,
    scriptPath: worker.scriptPath,
    vars: { DEV_MAILBOX: 'true', ADMIN_EMAILS: fixtures.moderator },
  });
  try {
    return await directRuns(direct, floor, measured, {
      ...options,
      onResult: (e) =>
        log(
          `  direct ${e.label.padEnd(39)} p50 ${e.load.p50?.toFixed(1)} ms ${e.ratios.p50?.toFixed(2)}×  ${Math.round(e.load.rps)} req/s  ` +
            `cpu ${e.load.cpuMsPerRequest?.toFixed(1)} ms ${e.ratios.cpu?.toFixed(2)}×${e.load.unexpected ? `  UNEXPECTED STATUS ${e.load.unexpected}` : ''}`,
        ),
    });
  } finally {
    await direct.dispose();
  }
}

async function runSize(size, options, worker) {
  const persistTo = mkdtempSync(join(tmpdir(), `volley-bench-${size}-`));
  let server;
  const cleanup = async () => {
    await server?.stop();
    rmSync(persistTo, { recursive: true, force: true });
  };
  cleanups.add(cleanup);
  try {
    log(`${size.toLocaleString('en')} drafts: migrating and seeding ${persistTo}`);
    const seeded = await seedDatabase(size, persistTo);
    log(`  ${JSON.stringify(seeded.counts)} in ${seeded.seedSeconds} s`);
    const { fixtures } = seeded;

    server = await startServer({ persistTo, port: await freePort(options.port), moderators: [fixtures.moderator] });
    log(`  wrangler dev on ${server.baseUrl}; signing members in`);
    const sessions = {
      reader: await signIn(server.baseUrl, fixtures.reader),
      veteran: await signIn(server.baseUrl, fixtures.veteran),
      author: await signIn(server.baseUrl, fixtures.author),
      moderator: await signIn(server.baseUrl, fixtures.moderator),
      posters: [],
      reviewers: [],
    };
    for (const email of fixtures.posters) sessions.posters.push(await signIn(server.baseUrl, email));
    for (const email of fixtures.reviewers) sessions.reviewers.push(await signIn(server.baseUrl, email));
    const veteran = createVolleyClient(server.baseUrl, { token: sessions.veteran });
    const me = (await veteran.GET('/me')).data;
    const firstPage = (await veteran.GET('/queue')).data;
    if (!firstPage.nextCursor) throw new Error('the queue has a single page: the data set is too small');

    const results = [];
    const loadOptions = { ...options, cpuMs: server.cpuMs };
    const [floor, ...measured] = endpoints(fixtures, sessions, { queueCursor: firstPage.nextCursor });
    const floorCost = await sampleCost(server.baseUrl, floor.next, floor.status);
    for (const endpoint of measured) {
      const cost = await sampleCost(server.baseUrl, endpoint.next, endpoint.status);
      const { load, floor: floorLoad, ratios, rounds } = await compareWithFloor(server.baseUrl, endpoint.next, floor.next, loadOptions);
      results.push({ id: endpoint.id, label: endpoint.label, kind: endpoint.kind, cost, load, floor: floorLoad, ratios, rounds });
      log(
        `  ${endpoint.label.padEnd(46)} p50 ${load.p50} ms ${ratios.p50.toFixed(2)}×  p99 ${load.p99} ms  ${Math.round(load.rps)} req/s  ` +
          `cpu ${load.cpuMsPerRequest?.toFixed(1)} ms ${ratios.cpu?.toFixed(2)}×  ` +
          `${cost.calls} calls  ${cost.rowsRead} read  ${cost.rowsWritten} written` +
          `${load.non2xx ? `  NON-2XX ${load.non2xx} ${JSON.stringify(load.statuses)}` : ''}`,
      );
    }
    // The floor's own row: the median of its runs beside every endpoint.
    const floorRuns = results.flatMap((r) => r.rounds.map((round) => round.floor));
    const median = (key) => {
      const values = floorRuns.map((r) => r[key]).filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
      return values[Math.floor((values.length - 1) / 2)] ?? null;
    };
    results.unshift({
      id: floor.id,
      label: floor.label,
      kind: floor.kind,
      cost: floorCost,
      load: {
        p50: median('p50'),
        p99: median('p99'),
        rps: median('rps'),
        meanMs: median('meanMs'),
        cpuMsPerRequest: median('cpuMsPerRequest'),
        non2xx: floorRuns.reduce((n, r) => n + r.non2xx, 0),
        runs: floorRuns.length,
        p50Range: [Math.min(...floorRuns.map((r) => r.p50)), Math.max(...floorRuns.map((r) => r.p50))],
      },
      ratios: { p50: 1, p99: 1, rps: 1, cpu: 1 },
    });

    const pages = [];
    for (const page of weighedPages(fixtures, sessions)) {
      pages.push({ label: page.label, ...(await measurePage(server.baseUrl, page.path, page.headers)) });
    }
    await server.stop();
    server = null;

    let direct = null;
    if (worker) {
      log('  the Worker without wrangler\'s proxy (Miniflare dispatchFetch)');
      direct = await runDirect(persistTo, worker, fixtures, floor, measured, options);
    }

    const queries = await inspectQueries(persistTo, me.id, sessions.veteran, firstPage.nextCursor);
    return {
      size,
      counts: seeded.counts,
      seedSeconds: seeded.seedSeconds,
      databaseBytes: databaseBytes(persistTo),
      endpoints: results,
      direct,
      pages,
      queries,
    };
  } catch (error) {
    if (server) console.error(`wrangler dev's last output:\n${server.tail()}`);
    throw error;
  } finally {
    cleanups.delete(cleanup);
    await cleanup();
  }
}

/**
 * bench/markdown-cpu.mjs, where it exists (it lands with the stored-Markdown work): `markdownCpu()` gives a plain
 * object of numbers and a one-line `description`. Null where the file is not there; its error, where it fails.
 */
async function measureMarkdownCpu() {
  const file = new URL('./markdown-cpu.mjs', import.meta.url);
  if (!existsSync(file)) return null;
  log('Markdown CPU: bench/markdown-cpu.mjs');
  try {
    const { markdownCpu } = await importApp("export { markdownCpu } from './bench/markdown-cpu.mjs';");
    return await markdownCpu();
  } catch (error) {
    log(`  markdownCpu() failed: ${error?.message ?? error}`);
    return { description: 'markdownCpu() failed', error: String(error?.message ?? error) };
  }
}

/** The report of a run: bench/results/latest.md always, BENCHMARKS.md for a run that includes 100,000 drafts. */
function writeReports(run, options) {
  const dir = join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const report = renderReport(run);
  writeFileSync(join(dir, 'latest.md'), report);
  const write = options.write ?? run.sizes.some((s) => s.size === 100_000);
  if (write) writeBenchmarksFile(join(root, 'BENCHMARKS.md'), report);
  return write ? 'bench/results/latest.md, BENCHMARKS.md' : 'bench/results/latest.md';
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.report) {
    log(`wrote ${writeReports(JSON.parse(readFileSync(options.report, 'utf8')), options)}`);
    return;
  }
  const started = Date.now();
  const run = {
    startedAt: new Date().toISOString(),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    options,
    machine: machine(),
    sizes: [],
  };
  log(`machine: ${JSON.stringify(run.machine)}`);
  log('bundle: wrangler deploy --dry-run');
  run.bundle = measureBundle();
  const worker = options.direct ? buildWorker() : null;
  try {
    for (const size of options.sizes) run.sizes.push(await runSize(size, options, worker));
  } finally {
    worker?.remove();
  }
  run.markdownCpu = await measureMarkdownCpu();
  run.minutes = Math.round((Date.now() - started) / 6_000) / 10;

  const stamp = run.startedAt.replace(/[:.]/g, '-');
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', `${stamp}.json`), `${JSON.stringify(run, null, 2)}\n`);
  log(`done in ${run.minutes} min: bench/results/${stamp}.json, ${writeReports(run, options)}`);
}

// wrangler is only ever asked about the local database here; a stray remote flag cannot reach it.
if (wranglerSync(['--version']).status !== 0) throw new Error('wrangler is not installed: run npm install first');
await main();
