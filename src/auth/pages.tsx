import { Hono } from 'hono';
import type { Context } from 'hono';
import { database } from '../db/client';
import type { AppEnv } from '../env';
import { ApiError } from '../lib/errors';
import { fieldErrors } from '../lib/validation';
import { HomePage } from './home';
import { renderPage } from '../ui/render';
import { clearSessionCookie, writeSessionCookie } from './cookie';
import { pendingLinkEmail } from './pending-link';
import { requestSignInLink } from './request-link';
import { EmailSchema, SignInCodeSchema } from './schemas';
import { endAllSessions, endSession, exchangeLinkToken, type SignedIn } from './sessions';
import { signInWithCode } from './sign-in-with-code';
import { CheckEmailPage, ConfirmSignInPage, LinkUnusablePage, PasskeySignIn, TurnstileWidget } from './sign-in-pages';
import { turnstileEnabled } from './turnstile';

const formText = (value: unknown) => (typeof value === 'string' ? value : '');

function home(c: Context<AppEnv>, props: { email?: string; error?: string } = {}, status: 200 | 400 | 429 = 200) {
  const nonce = c.var.secureHeadersNonce;
  return renderPage(
    c,
    props.error ? 'Sign in' : 'Volley',
    <HomePage
      {...props}
      beforeSubmit={turnstileEnabled(c.env) ? <TurnstileWidget siteKey={c.env.TURNSTILE_SITE_KEY ?? ''} nonce={nonce} /> : null}
      afterForm={<PasskeySignIn nonce={nonce} />}
    />,
    status,
  );
}

/** Every way in ends the same: the session cookie, then the dashboard. */
function enter(c: Context<AppEnv>, signedIn: SignedIn) {
  writeSessionCookie(c, signedIn.token);
  return c.redirect('/dashboard', 303);
}

const unusableLink = (c: Context<AppEnv>, error: ApiError) =>
  renderPage(c, 'Sign-in link', <LinkUnusablePage message={error.message} />, error.status);

/** The browser side of sign-in: forms and redirects, no JavaScript needed. */
export const authPages = new Hono<AppEnv>()
  .get('/', (c) => (c.var.member ? c.redirect('/dashboard') : home(c)))
  .post('/auth/sign-in', async (c) => {
    const form = await c.req.parseBody();
    const raw = formText(form.email);
    const parsed = EmailSchema.safeParse(raw);
    if (!parsed.success) return home(c, { email: raw, error: fieldErrors(parsed.error)._ ?? 'Enter a valid email address.' }, 400);
    try {
      await requestSignInLink(c, parsed.data, formText(form['cf-turnstile-response']) || undefined);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return home(c, { email: raw, error: error.message }, error.status as 400 | 429);
    }
    return c.redirect(`/auth/check-email?email=${encodeURIComponent(parsed.data)}`, 303);
  })
  .get('/auth/check-email', (c) => renderPage(c, 'Check your email', <CheckEmailPage email={c.req.query('email')} />))
  .post('/auth/code', async (c) => {
    const form = await c.req.parseBody();
    const typed = { email: formText(form.email), code: formText(form.code) };
    const email = EmailSchema.safeParse(typed.email);
    const code = SignInCodeSchema.safeParse(typed.code);
    const refuse = (message: string, status: 400 | 429) =>
      renderPage(c, 'Check your email', <CheckEmailPage {...typed} error={message} />, status);
    if (!email.success) return refuse('Enter the address the email went to.', 400);
    if (!code.success) return refuse(fieldErrors(code.error)._ ?? 'Enter the code from the email.', 400);
    try {
      return enter(c, await signInWithCode(c, email.data, code.data));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return refuse(error.message, error.status as 400 | 429);
    }
  })
  // GET (and HEAD, which Hono answers from it) only reads: mail scanners open links before people do.
  .get('/auth/callback', async (c) => {
    const token = c.req.query('token') ?? '';
    const email = await pendingLinkEmail(database(c.env.DB), token, c.var.clock());
    if (!email) {
      return unusableLink(c, new ApiError(400, 'invalid_token', 'It is invalid, expired or already used.'));
    }
    return renderPage(c, 'Sign in', <ConfirmSignInPage token={token} email={email} signedInAs={c.var.member} />);
  })
  .post('/auth/callback', async (c) => {
    const form = await c.req.parseBody();
    try {
      return enter(c, await exchangeLinkToken(c.env.DB, formText(form.token), c.var.clock()));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return unusableLink(c, error);
    }
  })
  .post('/auth/sign-out', async (c) => {
    if (c.var.sessionToken) await endSession(c.env.DB, c.var.sessionToken);
    clearSessionCookie(c);
    return c.redirect('/', 303);
  })
  .post('/auth/sign-out-everywhere', async (c) => {
    if (c.var.member) await endAllSessions(database(c.env.DB), c.var.member.id);
    clearSessionCookie(c);
    return c.redirect('/', 303);
  });
