import { Hono } from 'hono';
import { database } from '../db/client';
import type { AppEnv } from '../env';
import { ApiError, type FieldErrors } from '../lib/errors';
import { fieldErrors } from '../lib/validation';
import { ErrorSummary, FieldError, formFields, Notice, describedBy } from '../ui/forms';
import { renderPage } from '../ui/render';
import { requirePageMember } from '../ui/require-page-member';
import { When } from '../ui/when';
import { config } from '../config';
import { createAccessToken, listAccessTokens, revokeAccessToken } from './access-tokens';
import { CreateAccessTokenSchema } from './schemas';

type Token = Awaited<ReturnType<typeof listAccessTokens>>[number];
type Created = Awaited<ReturnType<typeof createAccessToken>>;

type Props = { tokens: Token[]; created?: Created; revoked?: boolean; errors?: FieldErrors; values?: Record<string, string> };

function TokensPage({ tokens, created, revoked, errors = {}, values = {} }: Props) {
  const scope = values.scope ?? 'read';
  return (
    <section class="narrow">
      <p>
        <a href="/settings">← Settings</a>
      </p>
      <h1>Personal access tokens</h1>
      <p>
        A token lets a script use the <a href="/api/docs">Volley API</a> as you: send it as{' '}
        <code>Authorization: Bearer &lt;token&gt;</code>. A read token can only look; a write token can also post, claim and
        review. Tokens never sign in to these pages, and they end with your account.
      </p>
      {revoked ? <Notice>Token revoked: it no longer works.</Notice> : null}
      {created ? (
        <div class="notice" role="status">
          <p>
            Your new token “{created.name}” ({created.scope}). Copy it now: it is shown only this once.
          </p>
          <p>
            <label for="new-token">Token</label>
            <input id="new-token" readonly value={created.token} />
          </p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} labels={{ name: 'token-name', scope: 'scope-read' }} />
      <form method="post" action="/settings/tokens" class="card">
        <h2>New token</h2>
        <label for="token-name">Name (what will use it)</label>
        <input
          id="token-name"
          name="name"
          value={values.name ?? ''}
          maxlength={config.accessTokens.nameMaxLength}
          required
          aria-invalid={errors.name ? 'true' : undefined}
          aria-describedby={describedBy(errors.name && 'token-name-error')}
        />
        <FieldError id="token-name-error" message={errors.name} />
        <fieldset>
          <legend>Scope</legend>
          <label class="checkbox">
            <input id="scope-read" type="radio" name="scope" value="read" checked={scope === 'read'} /> Read only
          </label>
          <label class="checkbox">
            <input type="radio" name="scope" value="write" checked={scope === 'write'} /> Read and write
          </label>
        </fieldset>
        <button type="submit">Make token</button>
      </form>
      <h2>Your tokens</h2>
      {tokens.length ? (
        <table class="data">
          <caption class="visually-hidden">Your personal access tokens, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Scope</th>
              <th scope="col">Made</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span class="visually-hidden">Revoke</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr>
                <td>{token.name}</td>
                <td>{token.scope}</td>
                <td>
                  <When value={token.createdAt} time />
                </td>
                <td>{token.lastUsedAt ? <When value={token.lastUsedAt} time /> : 'never'}</td>
                <td>
                  <form method="post" action={`/settings/tokens/${token.id}/revoke`}>
                    <button type="submit" class="secondary" aria-label={`Revoke ${token.name}`}>
                      Revoke
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">No tokens yet. Make one above when a script needs to reach your account.</p>
      )}
    </section>
  );
}

const TITLE = 'Personal access tokens';

export const tokenPages = new Hono<AppEnv>()
  .get('/settings/tokens', requirePageMember, async (c) => {
    const tokens = await listAccessTokens(database(c.env.DB), c.var.member!.id);
    return renderPage(c, TITLE, <TokensPage tokens={tokens} revoked={c.req.query('revoked') === '1'} />);
  })
  .post('/settings/tokens', requirePageMember, async (c) => {
    const member = c.var.member!;
    const values = await formFields(c.req);
    const parsed = CreateAccessTokenSchema.safeParse({ name: values.name, scope: values.scope });
    let created: Created | undefined;
    let errors: FieldErrors = {};
    if (!parsed.success) errors = fieldErrors(parsed.error);
    else {
      try {
        created = await createAccessToken(c.env.DB, member.id, parsed.data, c.var.clock());
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        errors = { name: error.message };
      }
    }
    const tokens = await listAccessTokens(database(c.env.DB), member.id);
    // The secret is rendered into this one response, never into a URL a redirect would keep in history.
    if (created) return renderPage(c, TITLE, <TokensPage tokens={tokens} created={created} />);
    return renderPage(c, TITLE, <TokensPage tokens={tokens} errors={errors} values={values} />, 400);
  })
  .post('/settings/tokens/:id/revoke', requirePageMember, async (c) => {
    await revokeAccessToken(database(c.env.DB), c.var.member!.id, c.req.param('id'));
    return c.redirect('/settings/tokens?revoked=1', 303);
  });
