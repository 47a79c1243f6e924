import { Hono } from 'hono';
import { database } from '../db/client';
import type { AppEnv } from '../env';
import { ApiError } from '../lib/errors';
import { fieldErrors } from '../lib/validation';
import { ErrorPage } from '../ui/error-page';
import { CheckEmailPage, HomePage } from './home';
import { renderPage } from '../ui/render';
import { clearSessionCookie, writeSessionCookie } from './cookie';
import { requestSignInLink } from './request-link';
import { EmailSchema } from './schemas';
import { endAllSessions, endSession, exchangeLinkToken } from './sessions';

/** The browser side of sign-in: forms and redirects, no JavaScript needed. */
export const authPages = new Hono<AppEnv>()
  .get('/', (c) => (c.var.member ? c.redirect('/dashboard') : renderPage(c, 'Volley', <HomePage />)))
  .post('/auth/sign-in', async (c) => {
    const form = await c.req.parseBody();
    const raw = typeof form.email === 'string' ? form.email : '';
    const parsed = EmailSchema.safeParse(raw);
    if (!parsed.success) {
      const error = fieldErrors(parsed.error)._ ?? 'Enter a valid email address.';
      return renderPage(c, 'Sign in', <HomePage email={raw} error={error} />, 400);
    }
    try {
      await requestSignInLink(c, parsed.data);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return renderPage(c, 'Sign in', <HomePage email={raw} error={error.message} />, error.status);
    }
    return c.redirect('/auth/check-email', 303);
  })
  .get('/auth/check-email', (c) => renderPage(c, 'Check your email', <CheckEmailPage />))
  .get('/auth/callback', async (c) => {
    const token = c.req.query('token') ?? '';
    try {
      const signedIn = await exchangeLinkToken(c.env.DB, token, c.var.clock());
      writeSessionCookie(c, signedIn.token);
      return c.redirect('/dashboard', 303);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return renderPage(c, 'Sign-in link', <ErrorPage status={error.status} message={error.message} />, error.status);
    }
  })
  .post('/auth/sign-out', async (c) => {
    if (c.var.sessionId) await endSession(database(c.env.DB), c.var.sessionId);
    clearSessionCookie(c);
    return c.redirect('/', 303);
  })
  .post('/auth/sign-out-everywhere', async (c) => {
    if (c.var.member) await endAllSessions(database(c.env.DB), c.var.member.id);
    clearSessionCookie(c);
    return c.redirect('/', 303);
  });
