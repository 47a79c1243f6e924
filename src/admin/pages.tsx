import { and, eq, inArray } from 'drizzle-orm';
import { Hono } from 'hono';
import { requireModerator } from '../auth/moderators';
import { deliverOutbox } from '../email/deliver';
import { database } from '../db/client';
import { emailOutbox } from '../db/schema';
import type { AppEnv } from '../env';
import { renderPage } from '../ui/render';
import { requirePageMember } from '../ui/require-page-member';
import { When } from '../ui/when';
import { readOutboxPage, type OutboxEntry } from './outbox-queue';

function EmailQueue({ rows, nextCursor, paged, counts }: { rows: OutboxEntry[]; nextCursor: string | null; paged: boolean; counts: Record<string, number> }) {
  return (
    <section>
      <h1>Email outbox</h1>
      <p class="muted">
        {['pending', 'sending', 'dead', 'suppressed'].map((s) => `${counts[s] ?? 0} ${s}`).join(' · ')}
      </p>
      {rows.length === 0 && !paged ? <p>Nothing waiting and nothing dead: every email went out.</p> : null}
      <table class="data">
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Kind</th>
            <th scope="col">To</th>
            <th scope="col">Attempts</th>
            <th scope="col">Next attempt</th>
            <th scope="col">Last error</th>
            <th scope="col"><span class="visually-hidden">Action</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              <td>{row.status}</td>
              <td>{row.kind}</td>
              <td>{row.toAddress}</td>
              <td>{row.attempts}</td>
              <td>{row.status === 'dead' ? '—' : <When value={row.nextAttemptAt} time />}</td>
              <td>{row.lastError ?? ''}</td>
              <td>
                <form method="post" action={`/admin/email/${row.id}/retry`}>
                  <button type="submit" class="secondary">Retry now</button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {nextCursor || paged ? (
        <p class="pager">
          {paged ? <a href="/admin/email">Start</a> : null}
          {nextCursor ? <a href={`/admin/email?cursor=${encodeURIComponent(nextCursor)}`}>More</a> : null}
        </p>
      ) : null}
    </section>
  );
}

export const adminPages = new Hono<AppEnv>()
  .use('/admin/*', requirePageMember, requireModerator)
  .get('/admin/email', async (c) => {
    const cursor = c.req.query('cursor');
    const { page, counts } = await readOutboxPage(c.env.DB, cursor);
    return renderPage(c, 'Email outbox', <EmailQueue rows={page.items} nextCursor={page.nextCursor} paged={!!cursor} counts={counts} />);
  })
  .post('/admin/email/:id/retry', async (c) => {
    // A fresh schedule: the operator has presumably fixed what made it fail.
    await database(c.env.DB)
      .update(emailOutbox)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: c.var.clock(), lockedUntil: null })
      .where(and(eq(emailOutbox.id, c.req.param('id')), inArray(emailOutbox.status, ['pending', 'dead'])));
    c.executionCtx.waitUntil(deliverOutbox(c.env, c.var.clock(), { ids: [c.req.param('id')] }));
    return c.redirect('/admin/email', 303);
  });
