// The benchmark's own local D1: a fresh --persist-to directory per size, migrated by wrangler, filled through
// wrangler's getPlatformProxy (the same local D1 `wrangler dev` and `wrangler d1 execute --local` use).
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { getPlatformProxy } from 'wrangler';

export const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');

/** wrangler from node_modules/.bin, as under `npm run`, with stdin closed so it never waits for an answer. */
export function wranglerSync(args, options = {}) {
  const result = spawnSync('wrangler', args, {
    cwd: root,
    env: { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}:${process.env.PATH ?? ''}` },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
  if (result.error) throw result.error;
  return result;
}

export function wranglerSpawn(args) {
  return spawn('wrangler', args, {
    cwd: root,
    env: { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}:${process.env.PATH ?? ''}` },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
}

export function migrate(persistTo) {
  const result = wranglerSync(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo]);
  if (result.status !== 0) throw new Error(`migrations failed:\n${result.stdout}\n${result.stderr}`);
}

/** The local D1 under `persistTo`, opened outside any Worker. Close it before `wrangler dev` opens the same files. */
export async function openLocalD1(persistTo) {
  const proxy = await getPlatformProxy({ configPath: join(root, 'wrangler.toml'), persist: { path: join(persistTo, 'v3') } });
  return { db: proxy.env.DB, close: () => proxy.dispose() };
}

/**
 * Runs the statements in batches of about `batchBytes` of SQL. Each batch is one transaction, like a file given to
 * `wrangler d1 execute --file`; inserting into `transfers` fires the ledger trigger as it does in the app.
 */
export async function applyStatements(db, statements, { batchBytes = 8_000_000, onProgress } = {}) {
  let batch = [];
  let bytes = 0;
  let done = 0;
  const flush = async () => {
    if (!batch.length) return;
    await db.batch(batch.map((statement) => db.prepare(statement)));
    done += batch.length;
    onProgress?.(done, statements.length);
    batch = [];
    bytes = 0;
  };
  for (const statement of statements) {
    batch.push(statement);
    bytes += statement.length;
    if (bytes >= batchBytes) await flush();
  }
  await flush();
}
