// Starts Volley under `wrangler dev` on its own port and its own fresh local D1, for browser journeys.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The address the e2e server names in ADMIN_EMAILS. */
export const MODERATOR_EMAIL = 'moderator@volley.localhost';

export async function startServer(port = 8790) {
  const persistTo = mkdtempSync(join(tmpdir(), 'volley-e2e-'));
  const migrate = spawnSync('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (migrate.status !== 0) throw new Error(`migrations failed:\n${migrate.stdout}`);

  const child = spawn(
    'wrangler',
    [
      'dev',
      '--port',
      String(port),
      '--ip',
      '127.0.0.1',
      '--persist-to',
      persistTo,
      '--test-scheduled',
      '--show-interactive-dev-session=false',
      // The dev mailbox is on only where switched on; email links are built from APP_ORIGIN alone.
      '--var',
      'DEV_MAILBOX:true',
      '--var',
      `APP_ORIGIN:http://127.0.0.1:${port}`,
      // The moderator of the moderation journey.
      '--var',
      `ADMIN_EMAILS:${MODERATOR_EMAIL}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(baseUrl)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`wrangler dev did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    baseUrl,
    log: () => log,
    stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      rmSync(persistTo, { recursive: true, force: true });
    },
  };
}
