import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { credits } from '../ui/format';
import { renderPage } from '../ui/render';
import { requirePageMember } from '../ui/require-page-member';
import { When } from '../ui/when';
import { readLedger } from './ledger';

type LedgerPage = Awaited<ReturnType<typeof readLedger>>;

const signed = (amount: number) => (amount > 0 ? `+${amount}` : `−${Math.abs(amount)}`);

function Credits({ page, paged }: { page: LedgerPage; paged: boolean }) {
  return (
    <section class="credits-page">
      <h1>Credits</h1>
      <p class="balance-big">
        <span class="figure">{credits(page.balance)}</span>
        <span class="muted"> — always the sum of the entries below.</span>
      </p>
      <p class="lede-ui">
        Earn credits by <a href="/queue">reviewing a draft</a>; spend them to <a href="/drafts/new">post one</a>. Credits
        for a draft wait in its escrow and go to each reviewer as their review arrives.
      </p>
      {page.items.length ? (
        <table class="ledger">
          <caption class="visually-hidden">Your ledger, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">What</th>
              <th scope="col" class="num">
                Credits
              </th>
              <th scope="col" class="num">
                Balance
              </th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((entry) => (
              <tr>
                <td class="when">
                  <When value={entry.createdAt} time />
                </td>
                <td class="what">
                  {entry.description}
                  {entry.draft ? (
                    <>
                      {' '}
                      <a href={`/drafts/${entry.draft.id}`} class="entry-link">
                        Open draft<span class="visually-hidden">: {entry.draft.title}</span>
                      </a>
                    </>
                  ) : null}
                </td>
                <td class={entry.amount > 0 ? 'num in' : 'num out'}>
                  <span class="visually-hidden">{entry.amount > 0 ? 'in ' : 'out '}</span>
                  {signed(entry.amount)}
                </td>
                <td class="num balance">{entry.balanceAfter}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">{paged ? 'No older entries.' : 'No entries yet.'}</p>
      )}
      {page.nextCursor || paged ? (
        <p class="pager">
          {paged ? <a href="/credits">Newest entries</a> : null}
          {page.nextCursor ? <a href={`/credits?cursor=${encodeURIComponent(page.nextCursor)}`}>Older entries</a> : null}
        </p>
      ) : null}
    </section>
  );
}

/** The member's ledger as a page: what, when, which draft, and the balance after each entry. */
export const ledgerPages = new Hono<AppEnv>().get('/credits', requirePageMember, async (c) => {
  const cursor = c.req.query('cursor') || undefined;
  const page = await readLedger(c.env.DB, c.var.member!.id, cursor);
  return renderPage(c, 'Credits', <Credits page={page} paged={!!cursor} />);
});
