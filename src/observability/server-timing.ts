import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { AppEnv } from '../env';
import { emptyD1Usage, meteredD1, type D1Usage } from './metered-d1';

const ms = (value: number) => Math.round(value * 100) / 100;

/**
 * The metrics DESIGN.md names, plus `d1-sql` (the SQL time D1 reports, without
 * the network). `d1` is the wall-clock wait on D1, the part a reader feels.
 */
export function serverTimingHeader(totalMs: number, d1: D1Usage): string {
  return [
    `total;dur=${ms(totalMs)}`,
    `d1;dur=${ms(d1.waitMs)}`,
    `d1-sql;dur=${ms(d1.sqlMs)}`,
    `d1-calls;desc=${d1.calls}`,
    `d1-rows-read;desc=${d1.rowsRead}`,
    `d1-rows-written;desc=${d1.rowsWritten}`,
  ].join(', ');
}

/**
 * Measures each request: its D1 calls (through a metered copy of `DB`, never
 * the shared env) and its total time. Every response gets a `Server-Timing`
 * header, errors and 404s included, and one JSON log line.
 *
 * @example
 * app.use(serverTiming); // first, so it sees every other middleware's D1 calls
 */
export const serverTiming: MiddlewareHandler<AppEnv> = async (c, next) => {
  const started = performance.now();
  const d1 = emptyD1Usage();
  c.set('d1Usage', d1);
  if (c.env?.DB) c.env = { ...c.env, DB: meteredD1(c.env.DB, d1) };
  // Errors reach here already turned into a response by the app's onError.
  await next();
  const totalMs = performance.now() - started;
  c.header('Server-Timing', serverTimingHeader(totalMs, d1));
  console.log(
    JSON.stringify({
      event: 'request',
      requestId: c.var.requestId,
      method: c.req.method,
      route: routePath(c),
      status: c.res.status,
      ms: ms(totalMs),
      d1Ms: ms(d1.waitMs),
      d1Calls: d1.calls,
      rowsRead: d1.rowsRead,
      rowsWritten: d1.rowsWritten,
    }),
  );
};
