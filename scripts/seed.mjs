// npm run seed: demo members, drafts and reviews in the LOCAL D1, so a newcomer who runs `npm start` sees a living
// queue and can review at once. Everything is written through Volley's own JSON API, with the typed client, against a
// `wrangler dev` this script starts on a free port of its own: members sign in by magic link (read from the dev
// mailbox), post, review, rate and reply, so prices, word counts, escrow and pay are the app's own rules, never copies.
// The demo's timeline (who joined and wrote what, hours ago) is kept with the test clock header, which that private
// server alone accepts (ALLOW_TEST_CLOCK).
//
// It never touches a remote database: wrangler always runs with --local, and the seed refuses --remote or any argument
// it does not know. Run twice, it notices the demo members and stops before writing anything ("already seeded").
//
//   npm run seed                              the database `npm start` uses (.wrangler/state)
//   npm run seed -- --persist-to /tmp/demo    another local database directory, e.g. to try it out
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createVolleyClient } from '../clients/typescript/index.ts';
import { DRAFTS, MEMBERS, NEWCOMERS, REVIEWS, REVISED, WORK, WORK_REVIEW } from './demo-data.mjs';

const TEST_CLOCK_HEADER = 'x-volley-test-now';
// ---------------------------------------------------------------------------------------------------------------
// Arguments. Only local databases: --remote, --env or anything unknown is refused.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const usage = `Usage: npm run seed [-- --persist-to <dir>] [--port <n>]

Fills the LOCAL D1 database with demo members, drafts and reviews. It never touches a remote database.
  --persist-to <dir>   use the local database under <dir> instead of .wrangler/state (passed to wrangler)
  --port <n>           the port of the private server the seed writes through (default: any free one)`;

function parseArgs(argv) {
  let persistTo;
  let port;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      console.log(usage);
      process.exit(0);
    } else if (arg === '--local') {
      // Always local anyway.
    } else if (arg === '--remote' || arg.startsWith('--remote=') || arg === '--preview') {
      fail(`npm run seed only fills the local database; it refuses ${arg}. Demo data never goes to Cloudflare.`);
    } else if (arg === '--persist-to' || arg.startsWith('--persist-to=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (!value || value.startsWith('-')) fail('--persist-to needs a directory.');
      // npm runs scripts from the package root; a relative path means relative to where the command was typed.
      persistTo = resolve(process.env.INIT_CWD ?? process.cwd(), value);
    } else if (arg === '--port' || arg.startsWith('--port=')) {
      port = Number(arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i]);
      if (!Number.isInteger(port) || port < 1 || port > 65535) fail('--port needs a port number.');
    } else {
      fail(`Unknown argument: ${arg}\n\n${usage}`);
    }
  }
  return { persistTo, port };
}

function fail(message) {
  console.error(`seed: ${message}`);
  process.exit(2);
}


// ---------------------------------------------------------------------------------------------------------------
// wrangler, always local, stdin closed so it never waits for an answer.

// node_modules/.bin first, as under `npm run`: the project's wrangler, and the Node 22 it needs.
const wranglerEnv = { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` };
const persistArgs = (persistTo) => (persistTo ? ['--persist-to', persistTo] : []);

function wrangler(args, { persistTo, capture = false } = {}) {
  const result = spawnSync('wrangler', [...args, '--local', ...persistArgs(persistTo)], {
    cwd: root,
    env: wranglerEnv,
    stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'],
    encoding: 'utf8',
  });
  if (result.error) fail(`could not run wrangler: ${result.error.message}`);
  return result;
}

function existingDemoEmails(persistTo) {
  const emails = MEMBERS.map((m) => `'${m.email}'`).join(', ');
  const result = wrangler(['d1', 'execute', 'DB', '--json', '--command', `SELECT email FROM members WHERE email IN (${emails}) ORDER BY email`], { persistTo, capture: true });
  if (result.status !== 0) fail(`could not read the local database:\n${result.stdout}`);
  const json = JSON.parse(result.stdout.slice(result.stdout.indexOf('[')));
  return json[0].results.map((row) => row.email);
}

const freePort = () =>
  new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** `wrangler dev` on the same local database, reachable only from this machine, with the dev mailbox and test clock on. */
async function startServer(persistTo, port) {
  const child = spawn(
    'wrangler',
    ['dev', '--port', String(port), '--ip', '127.0.0.1', ...persistArgs(persistTo), '--var', 'DEV_MAILBOX:true', '--var', `APP_ORIGIN:http://127.0.0.1:${port}`, '--var', 'ALLOW_TEST_CLOCK:true', '--show-interactive-dev-session=false'],
    { cwd: root, env: wranglerEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stop);
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(`${origin}/api/v1/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) fail(`wrangler dev did not start:\n${log.slice(-3000)}`);
    await sleep(200);
  }
  return { origin, log: () => log, stop };
}

// ---------------------------------------------------------------------------------------------------------------
// The demo, through the API, in the order it happened.

const HOUR = 60 * 60 * 1000;

/** The answer's data, or the seed stops saying which step the API refused, and why. */
async function expectOk(call, what) {
  const { data, error, response } = await call;
  if (!response.ok) fail(`${what}: the API answered ${response.status} ${JSON.stringify(error)}`);
  return data;
}

/** The token of the newest sign-in link in the dev mailbox for `email` (delivery runs just after the answer). */
async function linkToken(origin, email) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const mailbox = await (await fetch(`${origin}/dev/mailbox.json`)).json();
    const token = mailbox.filter((m) => m.to === email).at(-1)?.text.match(/token=([a-z2-7]+)/)?.[1];
    if (token) return token;
    await sleep(100);
  }
  fail(`no sign-in link reached the dev mailbox for ${email}`);
}

async function seed(origin) {
  const now = Date.now();
  /** Request options that set the app's clock to `hoursAgo` before now. */
  const at = (hoursAgo) => ({ headers: { [TEST_CLOCK_HEADER]: String(Math.round(now - hoursAgo * HOUR)) } });
  const clients = new Map();
  const drafts = new Map();
  const reviews = new Map();
  const memberKey = (key) => clients.get(key) ?? fail(`no demo member ${key}`);

  const events = [
    ...MEMBERS.map((m) => ({ hoursAgo: m.joinedHoursAgo, run: () => signUp(m, m.joinedHoursAgo) })),
    ...DRAFTS.map((d) => ({ hoursAgo: d.postedHoursAgo, run: () => post(d) })),
    ...REVIEWS.map((r) => ({ hoursAgo: r.hoursAgo, run: () => review(r) })),
    ...REVIEWS.filter((r) => r.rated).map((r) => ({ hoursAgo: r.rated.hoursAgo, run: () => rate(r) })),
    ...REVIEWS.flatMap((r) => (r.replies ?? []).map((reply) => ({ hoursAgo: reply.hoursAgo, run: () => answer(r, reply) }))),
  ].sort((a, b) => b.hoursAgo - a.hoursAgo);

  async function signUp(m, hoursAgo) {
    const anonymous = createVolleyClient(origin);
    await expectOk(anonymous.POST('/auth/magic-link', { body: { email: m.email }, ...at(hoursAgo) }), `sign-in link for ${m.email}`);
    const token = await linkToken(origin, m.email);
    const session = await expectOk(anonymous.POST('/auth/session', { body: { token }, ...at(hoursAgo) }), `signing in ${m.email}`);
    const client = createVolleyClient(origin, { token: session.token });
    await expectOk(client.PATCH('/me', { body: { name: m.name }, ...at(hoursAgo) }), `naming ${m.email}`);
    clients.set(m.key, client);
  }

  async function post(d) {
    const body = { title: d.title, body: d.body.trim(), genre: d.genre, reviewsWanted: d.reviewsWanted, note: d.note, contentNotes: d.contentNotes };
    drafts.set(d.key, await expectOk(memberKey(d.author).POST('/drafts', { body, ...at(d.postedHoursAgo) }), `posting "${d.title}"`));
  }

  async function review(r) {
    const draft = drafts.get(r.draft) ?? fail(`no demo draft ${r.draft}`);
    const body = { body: r.body.trim(), inline: r.inline.map(({ paragraph, quote, body }) => ({ paragraph, quote, body })) };
    const path = { params: { path: { id: draft.id } } };
    reviews.set(r.key, await expectOk(memberKey(r.reviewer).POST('/drafts/{id}/reviews', { ...path, body, ...at(r.hoursAgo) }), `review ${r.key}`));
  }

  async function rate(r) {
    const author = DRAFTS.find((d) => d.key === r.draft).author;
    const path = { params: { path: { id: reviews.get(r.key).id } } };
    await expectOk(memberKey(author).POST('/reviews/{id}/rating', { ...path, body: { helpful: r.rated.helpful }, ...at(r.rated.hoursAgo) }), `rating ${r.key}`);
  }

  async function answer(r, reply) {
    const path = { params: { path: { id: reviews.get(r.key).id } } };
    await expectOk(memberKey(reply.by).POST('/reviews/{id}/replies', { ...path, body: { body: reply.body }, ...at(reply.hoursAgo) }), `reply on ${r.key}`);
  }

  // One at a time: each step may depend on the credits the one before paid.
  for (const event of events) await event.run();
  await newerParts();

  /** Works in parts, a revision, follows, an invitation, a block and a report: all after the timeline above. */
  async function newerParts() {
    for (const m of NEWCOMERS) await signUp(m, m.joinedHoursAgo);
    const id = (value) => ({ params: { path: { id: value.id } } });
    const memberId = (key) => ({ params: { path: { memberId: members.get(key) } } });
    const members = new Map();
    for (const m of [...MEMBERS, ...NEWCOMERS]) members.set(m.key, (await expectOk(memberKey(m.key).GET('/me'), `reading ${m.email}`)).id);

    const nell = memberKey(WORK.author);
    const { title, genre, synopsis, contentNotes } = WORK;
    const work = await expectOk(nell.POST('/works', { body: { title, genre, synopsis, contentNotes }, ...at(WORK.parts[0].hoursAgo) }), 'starting a work');
    const [first, ...rest] = WORK.parts;
    const part = (p) => ({ title: p.title, body: p.body, reviewsWanted: 1, workId: work.id, previously: p.previously, questions: p.questions });
    const partOne = await expectOk(nell.POST('/drafts', { body: part(first), ...at(first.hoursAgo) }), 'posting part 1');
    const ben = memberKey(WORK_REVIEW.reviewer);
    const { body, answers } = WORK_REVIEW;
    await expectOk(ben.POST('/drafts/{id}/reviews', { ...id(partOne), body: { body, inline: [], answers }, ...at(WORK_REVIEW.hoursAgo) }), 'reviewing part 1');
    for (const p of rest) await expectOk(nell.POST('/drafts', { body: part(p), ...at(p.hoursAgo) }), `posting "${p.title}"`);

    const omar = memberKey(REVISED.author);
    const essay = { title: REVISED.title, genre: REVISED.genre, body: REVISED.body, reviewsWanted: 1 };
    const essayV1 = await expectOk(omar.POST('/drafts', { body: essay, ...at(REVISED.hoursAgo) }), 'posting the essay');
    const { body: revised, note, hoursAgo } = REVISED.revision;
    await expectOk(omar.POST('/drafts/{id}/revisions', { ...id(essayV1), body: { body: revised, note, reviewsWanted: 1 }, ...at(hoursAgo) }), 'revising the essay');

    await expectOk(ben.PUT('/me/following/{memberId}', { ...memberId('ada'), ...at(4) }), 'Ben follows Ada');
    await expectOk(memberKey('chloe').PUT('/me/following/{memberId}', { ...memberId('ada'), ...at(4) }), 'Chloé follows Ada');
    await expectOk(memberKey('dara').PUT('/me/blocks/{memberId}', { ...memberId('omar'), ...at(3) }), 'Dara blocks Omar');
    const salt = drafts.get('salt');
    await expectOk(memberKey('ada').POST('/drafts/{id}/invitations', { ...id(salt), body: { memberId: members.get('eli') }, ...at(2) }), 'Ada invites Eli');
    const report = { subject: { type: 'review', id: reviews.get('farah-radio').id }, reason: 'low-effort', details: 'It says little about the piece itself.' };
    await expectOk(memberKey('eli').POST('/reports', { body: report, ...at(1) }), 'Eli reports a review');
  }

  const members = [];
  for (const m of MEMBERS) members.push({ ...m, me: await expectOk(memberKey(m.key).GET('/me'), `reading ${m.email}`) });
  const posted = [];
  for (const d of DRAFTS) {
    const path = { params: { path: { id: drafts.get(d.key).id } } };
    posted.push({ ...d, draft: await expectOk(memberKey(d.author).GET('/drafts/{id}', path), `reading "${d.title}"`) });
  }
  return { members, posted };
}

async function main() {
  const { persistTo, port } = parseArgs(process.argv.slice(2));
  const where = persistTo ? `the local database under ${persistTo}` : 'the local database (.wrangler/state)';

  console.log(`Seeding ${where}.\n\nApplying migrations first:`);
  if (wrangler(['d1', 'migrations', 'apply', 'DB'], { persistTo }).status !== 0) fail('the migrations did not apply.');

  const existing = existingDemoEmails(persistTo);
  if (existing.length > 0) {
    console.log(`\nAlready seeded: ${existing.join(', ')} already ${existing.length === 1 ? 'exists' : 'exist'} in ${where}. Nothing was changed.`);
    const d1Dir = join(persistTo ?? '.wrangler/state', 'v3', 'd1');
    console.log(`To start over, stop \`npm start\`, delete ${d1Dir} (that empties the local database) and run the seed again.`);
    return;
  }

  console.log('\nStarting a private `wrangler dev` to write the demo through the API…');
  const server = await startServer(persistTo, port ?? (await freePort()));
  let result;
  try {
    result = await seed(server.origin);
  } finally {
    server.stop();
  }

  const { members, posted } = result;
  const open = posted.filter((d) => d.draft.status === 'open');
  console.log(`\nSeeded ${members.length} members, ${posted.length} drafts (${open.length} open for review) and ${REVIEWS.length} reviews.\n`);
  console.log('Demo members (sign in at http://localhost:8787 and open the link from http://localhost:8787/dev/mailbox):');
  for (const m of members) {
    console.log(`  ${m.email.padEnd(22)} ${m.name.padEnd(16)} ${m.me.credits} credit${m.me.credits === 1 ? '' : 's'}`);
  }
  console.log('\nDrafts:');
  for (const { draft } of posted) {
    const state = draft.status === 'open' ? `${draft.reviewsReceived} of ${draft.reviewsWanted} reviews in` : 'closed, every review in';
    console.log(`  ${draft.title} (${draft.genre}, ${draft.wordCount.toLocaleString('en')} words, by ${draft.author.name}): ${state}`);
  }
}

await main();
