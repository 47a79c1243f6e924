import { Hono } from 'hono';
import { database } from '../db/client';
import type { AppEnv } from '../env';
import { notFound } from '../lib/errors';
import { renderPage } from '../ui/render';
import { listDevMailbox } from './dev-mailbox';
import { emailSetup } from './setup';

type StoredEmail = Awaited<ReturnType<typeof listDevMailbox>>[number];

/** Plain text with its URLs made clickable; everything else stays text (escaped by JSX). */
function LinkedText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s]+)/g);
  return <pre class="mail-text">{parts.map((part, i) => (i % 2 === 1 ? <a href={part}>{part}</a> : part))}</pre>;
}

function Mailbox({ emails }: { emails: StoredEmail[] }) {
  return (
    <section>
      <h1>Dev mailbox</h1>
      <p class="muted">
        The dev mailbox is switched on (DEV_MAILBOX) and no Resend key is configured, so email is kept here instead of being sent. Newest first. Also as{' '}
        <a href="/dev/mailbox.json">JSON</a>.
      </p>
      {emails.length === 0 ? <p>No email yet. Ask for a sign-in link on the home page and it lands here.</p> : null}
      {[...emails].reverse().map((email) => (
        <article class="card mail" id={`mail-${email.id}`}>
          <h2>{email.subject}</h2>
          <p class="muted">
            To <strong>{email.to}</strong> · <time datetime={email.createdAt}>{email.createdAt}</time>
          </p>
          <LinkedText text={email.text} />
        </article>
      ))}
    </section>
  );
}

/** /dev/mailbox exists only where DEV_MAILBOX=true, with no Resend key and off any public https origin; otherwise a plain 404. */
export const devMailboxPages = new Hono<AppEnv>()
  .use('/dev/*', async (c, next) => {
    if (emailSetup(c.env, c.req.url).transport !== 'dev-mailbox') throw notFound('That page');
    await next();
  })
  .get('/dev/mailbox', async (c) => renderPage(c, 'Dev mailbox', <Mailbox emails={await listDevMailbox(database(c.env.DB))} />))
  .get('/dev/mailbox.json', async (c) => c.json(await listDevMailbox(database(c.env.DB))));
