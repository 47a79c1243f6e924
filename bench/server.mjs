// `wrangler dev` (local workerd and D1) on its own port, serving the benchmark's database.
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { wranglerSpawn } from './local-d1.mjs';

/** Clock ticks per second of /proc's CPU times. */
const ticksPerSecond = (() => {
  try {
    return Number(execSync('getconf CLK_TCK', { encoding: 'utf8' })) || 100;
  } catch {
    return 100;
  }
})();

/**
 * CPU time (user + system, ms) used so far by the processes `counts(name, fields)` picks, from /proc (`fields` are
 * those of /proc/<pid>/stat after the name: state, ppid, pgrp, …). Null where there is no /proc.
 */
export function cpuMsOf(counts) {
  let ticks = 0;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // exited meanwhile
      }
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (counts(name, fields)) ticks += Number(fields[11]) + Number(fields[12]);
    }
  } catch {
    return null;
  }
  return (ticks * 1000) / ticksPerSecond;
}

/** Every process in a process group: wrangler's node process, its workerd processes (proxy and Worker with D1). */
const groupCpuMs = (pgid) => cpuMsOf((_, fields) => Number(fields[2]) === pgid);

/** The first free port from `preferred` on, on 127.0.0.1. */
export async function freePort(preferred) {
  for (let port = preferred; port < preferred + 100; port++) {
    const free = await new Promise((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port from ${preferred}`);
}

/**
 * Starts the app and waits until it answers; `moderators` are the addresses given ADMIN_EMAILS. Its log (a JSON line per request) is counted and dropped rather than
 * kept, so a long run cannot fill memory; the last lines stay for error reports.
 */
export async function startServer({ persistTo, port, moderators = [] }) {
  const child = wranglerSpawn([
    'dev', '--port', String(port), '--ip', '127.0.0.1', '--persist-to', persistTo,
    '--show-interactive-dev-session=false', '--log-level', 'warn',
    // Members sign in through the dev mailbox, which is on only where switched on; links come from APP_ORIGIN alone.
    '--var', 'DEV_MAILBOX:true', '--var', `APP_ORIGIN:http://127.0.0.1:${port}`,
    // Moderators are the members whose address is in ADMIN_EMAILS: the bench's moderator opens the reports list.
    ...(moderators.length ? ['--var', `ADMIN_EMAILS:${moderators.join(',')}`] : []),
  ]);
  let tail = '';
  let requestLines = 0;
  const keep = (chunk) => {
    const text = String(chunk);
    requestLines += text.split('"event":"request"').length - 1;
    tail = (tail + text).slice(-8_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/api/v1/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`wrangler dev did not start:\n${tail}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return {
    baseUrl,
    tail: () => tail,
    requestLines: () => requestLines,
    /** CPU ms the whole server (wrangler, workerd) has used so far; its own process group, as it was spawned detached. */
    cpuMs: () => groupCpuMs(child.pid),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return; // already gone
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    },
  };
}
