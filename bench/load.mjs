// Driving a running Volley: signing members in the way a person does, reading Server-Timing, and load with autocannon.
import autocannon from 'autocannon';
import { createVolleyClient } from '../clients/typescript/index.ts';

/** A distinct client address per sign-in request, so the per-IP link limit (30 a minute) never trips. */
let ipCounter = 0;
const nextIp = () => `10.${Math.floor(ipCounter / 62_500) % 250}.${Math.floor(ipCounter / 250) % 250}.${(ipCounter++ % 250) + 1}`;

/** Signs `email` in through the magic-link flow with the typed client: ask for a link, read it from the dev mailbox, exchange it. */
export async function signIn(baseUrl, email) {
  const anonymous = () => createVolleyClient(baseUrl, { headers: { 'cf-connecting-ip': nextIp() } });
  const asked = await anonymous().POST('/auth/magic-link', { body: { email } });
  if (asked.response.status !== 202) throw new Error(`magic link for ${email}: ${asked.response.status} ${JSON.stringify(asked.error)}`);
  // Delivery runs after the response (waitUntil): look a few times.
  for (let attempt = 0; attempt < 50; attempt++) {
    const mailbox = await (await fetch(`${baseUrl}/dev/mailbox.json`)).json();
    const token = mailbox
      .filter((m) => m.to === email)
      .map((m) => m.text.match(/token=([^\s&"'<>]+)/)?.[1])
      .map((t) => t && decodeURIComponent(t))
      .filter(Boolean)
      .at(-1);
    if (token) {
      const session = await anonymous().POST('/auth/session', { body: { token } });
      if (!session.data) throw new Error(`session for ${email}: ${session.response.status} ${JSON.stringify(session.error)}`);
      // Opaque: whatever shape the app gives it (random, or `<memberId>.<secret>`), it goes back as it came.
      return session.data.token;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no sign-in link reached the dev mailbox for ${email}`);
}

/** Server-Timing as numbers: `total` and `d1` in ms, the rest counts. */
export function parseServerTiming(header) {
  const metrics = {};
  for (const entry of (header ?? '').split(',')) {
    const [name, ...params] = entry.trim().split(';');
    for (const param of params) {
      const [key, value] = param.split('=');
      if (key === 'dur' || key === 'desc') metrics[name] = Number(value);
    }
  }
  return {
    totalMs: metrics.total,
    d1Ms: metrics.d1,
    calls: metrics['d1-calls'],
    rowsRead: metrics['d1-rows-read'],
    rowsWritten: metrics['d1-rows-written'],
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

/**
 * Sends `count` requests one at a time and reads their Server-Timing: what one request costs in D1, without load.
 * Every response must be the expected status, or the endpoint's figures would describe an error.
 */
export async function sampleCost(baseUrl, next, expectStatus, count = 7) {
  const samples = [];
  for (let i = 0; i < count; i++) {
    const request = next();
    if (!request) throw new Error('the endpoint ran out of requests before its cost was sampled');
    const response = await fetch(baseUrl + request.path, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
    });
    const text = await response.text();
    if (response.status !== expectStatus) {
      throw new Error(`${request.method} ${request.path}: expected ${expectStatus}, got ${response.status}: ${text.slice(0, 300)}`);
    }
    samples.push({ ...parseServerTiming(response.headers.get('server-timing')), bytes: Buffer.byteLength(text) });
  }
  const field = (name) => median(samples.map((s) => s[name]));
  const spread = (name) => [Math.min(...samples.map((s) => s[name])), Math.max(...samples.map((s) => s[name]))];
  return {
    calls: field('calls'),
    rowsRead: field('rowsRead'),
    rowsWritten: field('rowsWritten'),
    rowsReadRange: spread('rowsRead'),
    callsRange: spread('calls'),
    serverTotalMs: field('totalMs'),
    d1Ms: field('d1Ms'),
    bytes: field('bytes'),
  };
}

/**
 * Load on one endpoint: `connections` clients as fast as the server answers, for `warmup` seconds (not counted),
 * then `duration` seconds. `cpuMs` (the server's CPU clock) gives the server CPU time per request of the counted part.
 */
export async function hammer(baseUrl, next, { connections, duration, warmup, cpuMs }) {
  if (warmup) await load(baseUrl, next, connections, warmup);
  const cpuBefore = cpuMs?.();
  const result = await load(baseUrl, next, connections, duration);
  const cpuAfter = cpuMs?.();
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, Number(count)]));
  const answered = Object.values(statuses).reduce((sum, count) => sum + count, 0);
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    meanMs: result.latency.average,
    rps: result.requests.average,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
    cpuMsPerRequest: cpuBefore != null && cpuAfter != null && answered ? (cpuAfter - cpuBefore) / answered : null,
  };
}

function load(baseUrl, next, connections, duration) {
  return autocannon({
    url: baseUrl,
    connections,
    duration,
    requests: [
      {
        setupRequest: (request) => {
          const r = next();
          if (!r) throw new Error('the endpoint ran out of requests (review slots): raise FIXTURES.reviewTargets in bench/seed.mjs');
          return { ...request, method: r.method, path: r.path, headers: r.headers, body: r.body };
        },
      },
    ],
  });
}

/** Each field's median over the runs (nulls left out); counts are summed. */
function summarise(runs) {
  const field = (key) => median(runs.map((r) => r[key]).filter((v) => v !== null && v !== undefined));
  const statuses = {};
  for (const run of runs) for (const [code, count] of Object.entries(run.statuses)) statuses[code] = (statuses[code] ?? 0) + count;
  return {
    p50: field('p50'),
    p99: field('p99'),
    meanMs: field('meanMs'),
    rps: field('rps'),
    cpuMsPerRequest: field('cpuMsPerRequest') ?? null,
    total: runs.reduce((sum, r) => sum + r.total, 0),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    statuses,
  };
}

/**
 * The endpoint against the floor, in `rounds` alternating pairs of runs (floor, then endpoint) after a warmup of
 * each. Figures are medians over the rounds, and each ratio is the median of the rounds' own ratios: a burst of
 * other work on the machine spoils one pair, not the comparison.
 */
export async function compareWithFloor(baseUrl, next, floorNext, { rounds, warmup, ...options }) {
  if (warmup) {
    await hammer(baseUrl, floorNext, { ...options, duration: warmup });
    await hammer(baseUrl, next, { ...options, duration: warmup });
  }
  const pairs = [];
  for (let round = 0; round < rounds; round++) {
    const floor = await hammer(baseUrl, floorNext, options);
    const load = await hammer(baseUrl, next, options);
    pairs.push({ floor, load });
  }
  const ratioOf = (key) => {
    const ratios = pairs.filter((p) => p.load[key] != null && p.floor[key]).map((p) => p.load[key] / p.floor[key]);
    return ratios.length ? median(ratios) : null;
  };
  return {
    load: summarise(pairs.map((p) => p.load)),
    floor: summarise(pairs.map((p) => p.floor)),
    ratios: { p50: ratioOf('p50'), p99: ratioOf('p99'), rps: ratioOf('rps'), cpu: ratioOf('cpuMsPerRequest') },
    rounds: pairs,
  };
}
