import { Hono } from 'hono';
import { database } from '../db/client';
import type { AppEnv } from '../env';
import { renderPage } from '../ui/render';
import { requirePageMember } from '../ui/require-page-member';
import { When } from '../ui/when';
import { listPasskeys, presentPasskey, removePasskey, type Passkey } from './member-passkeys';


function PasskeySettings({ passkeys, removed, nonce }: { passkeys: Passkey[]; removed: boolean; nonce?: string }) {
  return (
    <section class="narrow">
      <h1>Passkeys</h1>
      <p>
        A passkey signs you in with your device's fingerprint, face or screen lock instead of an email. It stays on your
        device (or in its password manager); Volley keeps only its public half.
      </p>
      {removed ? (
        <p class="notice" role="status">
          Passkey removed.
        </p>
      ) : null}
      <div class="card">
        <h2>Your passkeys</h2>
        {passkeys.length === 0 ? (
          <p class="empty">No passkeys yet.</p>
        ) : (
          <ul class="passkey-list">
            {passkeys.map(presentPasskey).map((passkey) => (
              <li>
                <span>
                  <strong>{passkey.name}</strong>
                  <span class="hint">
                    {' '}
                    · {passkey.lastUsedAt ? (
                      <>
                        last used <When value={passkey.lastUsedAt} />
                      </>
                    ) : (
                      'not used yet'
                    )}
                  </span>
                </span>
                <form method="post" action={`/settings/passkeys/${passkey.id}/delete`} class="inline">
                  <button type="submit" class="secondary small" aria-label={`Remove ${passkey.name}`}>
                    Remove
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <div id="passkey-add" hidden>
          <button type="button" id="passkey-add-button">
            Add a passkey
          </button>
          <p class="field-error" id="passkey-error" role="alert" hidden></p>
        </div>
        <p class="hint" id="passkey-unavailable">
          Adding a passkey needs JavaScript and a browser that supports passkeys; removing one does not.
        </p>
      </div>
      <p>
        <a href="/settings">Back to settings</a>
      </p>
      <script src="/assets/vendor/simplewebauthn-browser.js" nonce={nonce} defer></script>
      <script src="/assets/passkeys.js" nonce={nonce} defer></script>
    </section>
  );
}

/** Settings › Passkeys: add (with the page script), see and remove (plain forms). */
export const passkeyPages = new Hono<AppEnv>()
  .get('/settings/passkeys', requirePageMember, async (c) => {
    const passkeys = await listPasskeys(database(c.env.DB), c.var.member!.id);
    return renderPage(
      c,
      'Passkeys',
      <PasskeySettings passkeys={passkeys} removed={c.req.query('removed') === '1'} nonce={c.var.secureHeadersNonce} />,
    );
  })
  .post('/settings/passkeys/:id/delete', requirePageMember, async (c) => {
    await removePasskey(database(c.env.DB), c.var.member!.id, c.req.param('id'));
    return c.redirect('/settings/passkeys?removed=1', 303);
  });
