import { Hono, type Context } from 'hono';
import { sql } from 'drizzle-orm';
import { statement } from '../db/statements';
import type { AppEnv } from '../env';
import { ApiError } from '../lib/errors';
import { renderPage } from '../ui/render';
import { emailSetup } from './setup';
import { isPreferenceGroup, PREFERENCE_GROUPS, verifyUnsubscribeToken, type PreferenceGroup } from './unsubscribe';

/** The link's member and group, if its signature holds. */
async function verifiedLink(c: Context<AppEnv>): Promise<{ memberId: string; group: PreferenceGroup; query: string }> {
  const memberId = c.req.query('m') ?? '';
  const group = c.req.query('g') ?? '';
  const token = c.req.query('t') ?? '';
  // Without a secret no link can be genuine: notifications wait until it is set (emailSetup).
  const secret = emailSetup(c.env, c.req.url).unsubscribeSecret;
  if (!memberId || !isPreferenceGroup(group) || !secret || !(await verifyUnsubscribeToken(secret, memberId, group, token))) {
    throw new ApiError(400, 'invalid_unsubscribe_link', 'This unsubscribe link is not valid. You can change every email setting on the settings page after signing in.');
  }
  return { memberId, group, query: new URL(c.req.url).search };
}

/**
 * One-click unsubscribe (RFC 8058). GET only shows a button, because mail
 * scanners open links; POST (from that button, or the mail client's own
 * `List-Unsubscribe=One-Click`) turns the group off. The signed link is the
 * authority, so no session or cookie is needed.
 */
export const unsubscribePages = new Hono<AppEnv>()
  .get('/unsubscribe', async (c) => {
    const { group, query } = await verifiedLink(c);
    return renderPage(
      c,
      'Unsubscribe',
      <section class="narrow">
        <h1>Unsubscribe</h1>
        <p>Stop {PREFERENCE_GROUPS[group].label}?</p>
        <form method="post" action={`/unsubscribe${query}`}>
          <button type="submit">Unsubscribe</button>
        </form>
        <p class="muted">You can turn them back on from your settings at any time.</p>
      </section>,
    );
  })
  .post('/unsubscribe', async (c) => {
    const { memberId, group } = await verifiedLink(c);
    await statement(c.env.DB, sql`UPDATE members SET ${PREFERENCE_GROUPS[group].off} WHERE id = ${memberId}`).run();
    return renderPage(
      c,
      'Unsubscribed',
      <section class="narrow">
        <h1>You are unsubscribed</h1>
        <p>You will no longer get {PREFERENCE_GROUPS[group].label}.</p>
        <p>
          Changed your mind? <a href="/settings">Turn them back on in your settings</a>.
        </p>
      </section>,
    );
  });
