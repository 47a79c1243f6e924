import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { deliverOutbox } from './deliver';
import { emailContext, type EmailContext } from './notification';

/**
 * What a domain function needs to send email: what goes into every notification, and a hook
 * to deliver the rows it wrote as soon as the response is out (the cron sweep
 * catches anything this misses).
 */
export type Notifier = { ctx: EmailContext; queued(ids: string[]): void };

export function notifierFor(c: Context<AppEnv>): Notifier {
  return {
    ctx: emailContext(c.env),
    queued(ids) {
      if (ids.length) c.executionCtx.waitUntil(deliverOutbox(c.env, c.var.clock(), { ids, requestUrl: c.req.url }));
    },
  };
}
