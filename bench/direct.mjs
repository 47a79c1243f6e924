// The Worker without wrangler's local proxy: the deployable bundle (`wrangler deploy --dry-run --outdir`) run by
// Miniflare in this process, on the same persisted local D1 the `wrangler dev` runs used, driven through
// `dispatchFetch` by a plain loop of concurrent requests. What `wrangler dev` adds per request (its proxy workerd,
// its node process writing the log line) is gone, so the floor and the ratios show the Worker's own cost.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';
import { unstable_getMiniflareWorkerOptions } from 'wrangler';
import { root, wranglerSync } from './local-d1.mjs';
import { cpuMsOf } from './server.mjs';

const ORIGIN = 'http://127.0.0.1:8787';

/** The bundle Cloudflare would receive, built once per run; `remove()` deletes it. */
export function buildWorker() {
  const outdir = mkdtempSync(join(tmpdir(), 'volley-bench-worker-'));
  const result = wranglerSync(['deploy', '--dry-run', '--outdir', outdir]);
  if (result.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${result.stdout}\n${result.stderr}`);
  const main = readdirSync(outdir).find((name) => name.endsWith('.js') || name.endsWith('.mjs'));
  return { scriptPath: join(outdir, main), remove: () => rmSync(outdir, { recursive: true, force: true }) };
}

/** CPU ms (user + system) used so far by this process's workerd children: the Worker and its D1, not the load loop. */
const workerdCpuMs = () => cpuMsOf((name, fields) => Number(fields[1]) === process.pid && name.startsWith('workerd'));

/** Miniflare with wrangler.toml's bindings, the given vars on top, and D1 persisted under `persistTo` (as `wrangler dev --persist-to`). */
export async function startDirect({ persistTo, scriptPath, vars }) {
  // The bundle is one module, so wrangler's module rules (for importing .txt, .wasm, … files) have nothing to do.
  const { modulesRules, rootPath, ...workerOptions } = unstable_getMiniflareWorkerOptions(join(root, 'wrangler.toml')).workerOptions;
  const mf = new Miniflare(convertV4MiniflareOptions({
    rootPath: root,
    resourcePersistencePath: join(persistTo, 'v3'),
    cf: false,
    // The Worker's log line per request is written (console.log is part of its cost) but dropped here, not printed.
    handleStructuredLogs: () => {},
    workers: [
      {
        ...workerOptions,
        name: 'volley',
        modules: true,
        // The bundle lives outside the project; its module names are relative to its own directory.
        modulesRoot: dirname(scriptPath),
        scriptPath,
        bindings: { ...workerOptions.bindings, APP_ORIGIN: ORIGIN, ...vars },
      },
    ],
  }));
  await mf.ready;
  const dispatch = async (request) => {
    const response = await mf.dispatchFetch(ORIGIN + request.path, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
    });
    await response.arrayBuffer();
    return response.status;
  };
  return { dispatch, cpuMs: workerdCpuMs, dispose: () => mf.dispose() };
}

const quantile = (sorted, q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : null);
const median = (values) => {
  const sorted = values.filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null;
};

/**
 * `connections` loops, each sending the endpoint's next request as soon as the last one answered, for `duration`
 * seconds (or until the endpoint has no next request: the review slots are finite). Latency is per request, from
 * dispatch to the end of the body.
 */
async function loop(worker, next, expectStatus, { connections, duration }) {
  const latencies = [];
  let unexpected = 0;
  const cpuBefore = worker.cpuMs();
  const started = performance.now();
  const deadline = started + duration * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const request = next();
        if (!request) return;
        const sent = performance.now();
        const status = await worker.dispatch(request);
        latencies.push(performance.now() - sent);
        if (status !== expectStatus) unexpected++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = worker.cpuMs();
  latencies.sort((a, b) => a - b);
  return {
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    rps: latencies.length / seconds,
    requests: latencies.length,
    unexpected,
    cpuMsPerRequest: cpuBefore !== null && cpuAfter !== null && latencies.length ? (cpuAfter - cpuBefore) / latencies.length : null,
  };
}

/**
 * Each endpoint against the floor in `rounds` alternating pairs (floor, then endpoint) after a warmup of each, as
 * the `wrangler dev` runs do; each ratio is the median of the rounds' own ratios.
 */
export async function directRuns(worker, floor, endpoints, { rounds, warmup, duration, connections, onResult }) {
  const results = [];
  const floorRuns = [];
  for (const endpoint of endpoints) {
    if (warmup) {
      await loop(worker, floor.next, floor.status, { connections, duration: warmup });
      await loop(worker, endpoint.next, endpoint.status, { connections, duration: warmup });
    }
    const pairs = [];
    for (let round = 0; round < rounds; round++) {
      const base = await loop(worker, floor.next, floor.status, { connections, duration });
      const load = await loop(worker, endpoint.next, endpoint.status, { connections, duration });
      floorRuns.push(base);
      pairs.push({ floor: base, load });
    }
    const ratio = (key) => median(pairs.filter((p) => p.load[key] != null && p.floor[key]).map((p) => p.load[key] / p.floor[key]));
    const field = (key) => median(pairs.map((p) => p.load[key]));
    const result = {
      id: endpoint.id,
      label: endpoint.label,
      kind: endpoint.kind,
      load: {
        p50: field('p50'),
        p99: field('p99'),
        rps: field('rps'),
        cpuMsPerRequest: field('cpuMsPerRequest'),
        requests: pairs.reduce((n, p) => n + p.load.requests, 0),
        unexpected: pairs.reduce((n, p) => n + p.load.unexpected, 0),
      },
      ratios: { p50: ratio('p50'), p99: ratio('p99'), rps: ratio('rps'), cpu: ratio('cpuMsPerRequest') },
    };
    results.push(result);
    onResult?.(result);
  }
  const floorField = (key) => median(floorRuns.map((r) => r[key]));
  results.unshift({
    id: floor.id,
    label: floor.label,
    kind: floor.kind,
    load: {
      p50: floorField('p50'),
      p99: floorField('p99'),
      rps: floorField('rps'),
      cpuMsPerRequest: floorField('cpuMsPerRequest'),
      requests: floorRuns.reduce((n, r) => n + r.requests, 0),
      unexpected: floorRuns.reduce((n, r) => n + r.unexpected, 0),
      runs: floorRuns.length,
      p50Range: [Math.min(...floorRuns.map((r) => r.p50)), Math.max(...floorRuns.map((r) => r.p50))],
    },
    ratios: { p50: 1, p99: 1, rps: 1, cpu: 1 },
  });
  return results;
}
