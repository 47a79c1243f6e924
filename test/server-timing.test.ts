import { env } from 'cloudflare:test';
import { Hono } from 'hono';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppEnv } from '../src/env';
import { emptyD1Usage, meteredD1 } from '../src/observability/metered-d1';
import { serverTiming } from '../src/observability/server-timing';
import { call, cookieOf, json, ORIGIN, postDraftOk, reviewOf, signIn } from './helpers';

type Metric = { dur?: number; desc?: string };

/** The Server-Timing header as { name: { dur, desc } }. */
function timingOf(response: Response): Record<string, Metric> {
  const header = response.headers.get('server-timing');
  if (!header) throw new Error(`no Server-Timing on ${response.status} ${response.url}`);
  const metrics: Record<string, Metric> = {};
  for (const entry of header.split(',')) {
    const [name, ...params] = entry.trim().split(';');
    const metric: Metric = {};
    for (const param of params) {
      const [key, value] = param.split('=');
      if (key === 'dur') metric.dur = Number(value);
      if (key === 'desc') metric.desc = value;
    }
    metrics[name!] = metric;
  }
  return metrics;
}

/** The figures a benchmark reads, as numbers. */
function costOf(response: Response) {
  const t = timingOf(response);
  return {
    total: t.total!.dur!,
    d1: t.d1!.dur!,
    calls: Number(t['d1-calls']!.desc),
    rowsRead: Number(t['d1-rows-read']!.desc),
    rowsWritten: Number(t['d1-rows-written']!.desc),
  };
}

function expectAllFiveMetrics(response: Response) {
  const t = timingOf(response);
  expect(t.total?.dur, 'total;dur').toBeGreaterThanOrEqual(0);
  expect(t.d1?.dur, 'd1;dur').toBeGreaterThanOrEqual(0);
  for (const name of ['d1-calls', 'd1-rows-read', 'd1-rows-written']) {
    expect(t[name]?.desc, `${name};desc`).toMatch(/^\d+$/);
  }
}


describe('Server-Timing', () => {
  it('is on pages, signed out and in', async () => {
    const member = await signIn();
    const pages = [await call('/'), await call('/dashboard', { cookie: cookieOf(member) }), await call('/queue', { cookie: cookieOf(member) })];
    for (const response of pages) {
      expect(response.status).toBe(200);
      expectAllFiveMetrics(response);
    }
  });

  it('is on API answers, and counts the session lookup as a D1 call', async () => {
    const member = await signIn();
    const response = await call('/api/v1/me', { token: member.token });
    expect(response.status).toBe(200);
    expectAllFiveMetrics(response);
    expect(costOf(response).calls).toBe(1);
  });

  it('counts the rows the session lookup read: its session, member and account', async () => {
    const member = await signIn();
    const response = await call('/api/v1/me', { token: member.token });
    expect(response.status).toBe(200);
    expect(costOf(response).rowsRead).toBeGreaterThanOrEqual(3);
  });

  it('is on errors and 404s, API and pages alike', async () => {
    const responses = [
      await call('/api/v1/me'),
      await call('/api/v1/no-such-endpoint'),
      await call('/no-such-page'),
      await call('/api/v1/auth/magic-link', { body: { email: 'not an address' } }),
      await call('/api/v1/auth/magic-link', { rawBody: '{"broken', headers: { 'content-type': 'application/json' } }),
    ];
    expect(responses.map((r) => r.status)).toEqual([401, 404, 404, 400, 400]);
    for (const response of responses) expectAllFiveMetrics(response);
  });

  it('is on redirects', async () => {
    const response = await call('/dashboard');
    expect(response.status).toBe(303);
    expectAllFiveMetrics(response);
  });

  it('shows a write: rows written, and its batch as one call', async () => {
    const author = await signIn();
    const response = await call('/api/v1/drafts', {
      token: author.token,
      body: { title: 'Timed', body: 'One paragraph.\n\nAnother one.', genre: 'poetry', reviewsWanted: 1 },
    });
    expect(response.status).toBe(201);
    const cost = costOf(response);
    // The followers read (the session check riding in front), then the batch (draft, escrow account, transfer,
    // read back): a batch of four is one call.
    expect(cost.calls).toBe(2);
    expect(cost.rowsWritten).toBeGreaterThan(0);
    expect(cost.rowsRead).toBeGreaterThan(0);
  });

  it('the floor route GET /api/v1/health makes exactly one D1 call and is documented', async () => {
    const response = await call('/api/v1/health');
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ ok: true, database: 'reachable', problems: [] });
    expect(costOf(response).calls).toBe(1);
    const doc = await json<{ paths: Record<string, Record<string, unknown>> }>(await call('/api/v1/openapi.json'));
    expect(doc.paths['/health']?.get).toBeDefined();
  });

  it('GET /api/v1/queue makes 1 D1 call: the queue page with the session check riding in front', async () => {
    const author = await signIn();
    const reader = await signIn();
    await postDraftOk(author);
    const response = await call('/api/v1/queue', { token: reader.token });
    expect(response.status).toBe(200);
    expect(costOf(response).calls).toBe(1);
  });

  it('the dashboard and a draft page make 1 D1 call: one batch, the session check in it', async () => {
    const author = await signIn();
    const reader = await signIn();
    const draft = await postDraftOk(author);
    for (const [member, path] of [
      [author, '/dashboard'],
      [author, `/drafts/${draft.id}`],
      [reader, `/drafts/${draft.id}`],
    ] as const) {
      const response = await call(path, { cookie: cookieOf(member) });
      expect(response.status, path).toBe(200);
      expect(costOf(response).calls, path).toBe(1);
    }
  });

  it('a review submission makes 2 D1 round trips for its answer: the draft read with the session check, one write batch', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    // No email to send: a delivery handed to waitUntil would run beside the answer and could land in its count.
    const quiet = await call('/api/v1/me', { method: 'PATCH', token: author.token, body: { notifications: { reviews: 'off' } } });
    expect(quiet.status).toBe(200);
    const draft = await postDraftOk(author, { reviewsWanted: 2 });
    const response = await call(`/api/v1/drafts/${draft.id}/reviews`, { token: reviewer.token, body: reviewOf() });
    expect(response.status).toBe(201);
    const cost = costOf(response);
    // The draft read (the session check riding in front), and the write batch (which also reads the review back).
    expect(cost.calls).toBe(2);
    expect(cost.rowsWritten).toBeGreaterThan(0);
  });
});

describe('the metered D1', () => {
  it('counts a batch as one call and sums its statements’ meta', async () => {
    const usage = emptyD1Usage();
    const db = meteredD1(env.DB, usage);
    const statements = [db.prepare('SELECT 1 AS one'), db.prepare('SELECT ? AS two').bind(2), db.prepare('SELECT 3')];
    const results = await db.batch(statements);
    expect(results.map((r) => r.results)).toEqual([[{ one: 1 }], [{ two: 2 }], [{ 3: 3 }]]);
    expect(usage.calls).toBe(1);
  });

  it('answers first(), all(), run() and raw() as D1 does, one call each', async () => {
    const usage = emptyD1Usage();
    const db = meteredD1(env.DB, usage);
    const query = "SELECT 'mint' AS id, 7 AS n UNION ALL SELECT 'other', 8";
    expect(await db.prepare(query).first()).toEqual(await env.DB.prepare(query).first());
    expect(await db.prepare(query).first('n')).toBe(7);
    expect(await db.prepare('SELECT 1 WHERE 0').first()).toBeNull();
    await expect(db.prepare(query).first('missing')).rejects.toThrow(/D1_COLUMN_NOTFOUND/);
    expect((await db.prepare(query).all()).results).toHaveLength(2);
    expect(await db.prepare(query).raw()).toEqual(await env.DB.prepare(query).raw());
    expect(await db.prepare('SELECT 1 AS a, 2 AS a').raw({ columnNames: true })).toEqual([['a', 'a'], [1, 2]]);
    expect((await db.prepare("SELECT id FROM accounts WHERE id = 'mint'").run()).success).toBe(true);
    expect(usage.calls).toBe(8);
  });

  it('counts the rows raw() read, as drizzle’s query builder reads through it', async () => {
    const usage = emptyD1Usage();
    const db = meteredD1(env.DB, usage);
    expect(await db.prepare("SELECT id, kind FROM accounts WHERE id = 'mint'").raw()).toEqual([['mint', 'mint']]);
    expect(usage.rowsRead).toBeGreaterThan(0);
    expect(usage.calls).toBe(1);
  });

  it('reports rows read and written from D1’s meta', async () => {
    const usage = emptyD1Usage();
    const db = meteredD1(env.DB, usage);
    await db.prepare("SELECT balance FROM accounts WHERE id = 'mint'").first();
    expect(usage.rowsRead).toBeGreaterThan(0);
    expect(usage.rowsWritten).toBe(0);
    await db
      .prepare('INSERT INTO suppressions (email, reason, created_at) VALUES (?, ?, ?)')
      .bind(`meter-${Date.now()}@example.com`, 'bounced', Date.now())
      .run();
    expect(usage.rowsWritten).toBeGreaterThan(0);
  });

  it('counts a failed call', async () => {
    const usage = emptyD1Usage();
    await expect(meteredD1(env.DB, usage).prepare('SELECT * FROM no_such_table').all()).rejects.toThrow();
    expect(usage.calls).toBe(1);
  });

  it('passes sessions through, metered', async () => {
    const usage = emptyD1Usage();
    const session = meteredD1(env.DB, usage).withSession('first-primary');
    expect(await session.prepare('SELECT 1 AS one').first('one')).toBe(1);
    expect((await session.batch([session.prepare('SELECT 2')])).length).toBe(1);
    expect(usage.calls).toBe(2);
  });
});

describe('the serverTiming middleware', () => {
  afterEach(() => vi.restoreAllMocks());

  it('meters a copy of the env, never the shared one, and logs one JSON line per request', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const app = new Hono<AppEnv>();
    app.use(serverTiming);
    app.get('/drafts/:id', async (c) => {
      await c.env.DB.prepare('SELECT 1').first();
      await c.env.DB.batch([c.env.DB.prepare('SELECT 2'), c.env.DB.prepare('SELECT 3')]);
      return c.text('ok');
    });
    const shared = { DB: env.DB } as AppEnv['Bindings'];
    const response = await app.request(`${ORIGIN}/drafts/abc`, {}, shared);
    expect(shared.DB).toBe(env.DB);
    expect(costOf(response).calls).toBe(2);
    const lines = log.mock.calls.map(([line]) => JSON.parse(String(line)));
    expect(lines).toEqual([
      expect.objectContaining({ event: 'request', method: 'GET', route: '/drafts/:id', status: 200, d1Calls: 2, rowsWritten: 0 }),
    ]);
    expect(lines[0]).toHaveProperty('ms');
    expect(lines[0]).toHaveProperty('rowsRead');
  });
});
