import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { clearSessionCookie } from './auth/cookie';
import { limitMemberWrites, loadSession, requireSameOriginForCookieWrites } from './auth/middleware';
import { SessionEnded } from './auth/session-check';
import { config } from './config';
import { d1Session } from './db/d1-session';
import type { AppEnv } from './env';
import { clockFor } from './lib/clock';
import { ApiError, notFound } from './lib/errors';
import { isOwnOrigin, isSafeMethod } from './lib/origin';
import { serverTiming } from './observability/server-timing';
import { loadAccessToken } from './tokens/middleware';
import { securityHeaders } from './lib/security-headers';
import { validationHook } from './lib/validation';
import { ErrorPage } from './ui/error-page';
import { renderPage } from './ui/render';

const wantsJson = (c: Context<AppEnv>) => c.req.path.startsWith('/api/');

/** Hono's own exceptions (bad JSON, CSRF refusal…) in our vocabulary. */
function fromHttpException(error: HTTPException): ApiError {
  if (error.status === 403) return new ApiError(403, 'csrf_rejected', 'This form did not come from a Volley page.');
  if (error.status === 400) {
    return new ApiError(400, 'malformed_body', 'The request body is not valid JSON of the expected type.');
  }
  if (error.status === 415) {
    return new ApiError(415, 'unsupported_media_type', 'Send the body as JSON, with Content-Type: application/json.');
  }
  return new ApiError(error.status as ApiError['status'], 'http_error', error.message || 'Request refused.');
}

async function respondWithError(c: Context<AppEnv>, error: ApiError): Promise<Response> {
  for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
  if (error instanceof SessionEnded) {
    clearSessionCookie(c);
    // A page asked with a dead cookie is asked again without it: shown signed out, or sent to sign in.
    if (!wantsJson(c) && c.var.sessionAuth === 'cookie') return c.redirect(isSafeMethod(c.req.method) ? c.req.url : '/#sign-in', 303);
  }
  if (wantsJson(c)) return c.json(error.toJSON(), error.status);
  try {
    return await renderPage(c, 'Error', <ErrorPage status={error.status} message={error.message} />, error.status);
  } catch (failure) {
    // The error page's layout found the session dead: that answer wins.
    if (failure instanceof SessionEnded) return respondWithError(c, failure);
    throw failure;
  }
}

/**
 * The app shell every feature mounts into: request id, clock, security
 * headers, body limit, CSRF, session, write rate limit, and the one error shape.
 */
export function createApp() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: (result) => validationHook(result) });

  app.use(d1Session);
  app.use(serverTiming);
  app.use(requestId());
  app.use(async (c, next) => {
    c.set('clock', clockFor(c));
    c.set('member', null);
    await next();
  });
  app.use(securityHeaders);
  app.use(async (c, next) => {
    if (isSafeMethod(c.req.method)) return next();
    return bodyLimit({
      maxSize: config.http.maxBodyBytes,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', `Request bodies are limited to ${config.http.maxBodyBytes / 1024} KB.`);
      },
    })(c, next);
  });
  const formCsrf = csrf({ origin: (origin, c) => isOwnOrigin(c as Context<AppEnv>, origin) });
  // A cross-site form cannot set Authorization, so bearer clients skip the browser check; one-click
  // unsubscribe is posted by mail clients without an Origin and is authorised by its signed link alone.
  // The JSON API needs no form check: its only cookie-borne writes are held to our Origin below.
  app.use((c, next) =>
    c.req.header('authorization')?.startsWith('Bearer ') || c.req.path === '/unsubscribe' || c.req.path.startsWith('/api/')
      ? next()
      : formCsrf(c, next),
  );
  app.use(loadSession);
  app.use(loadAccessToken);
  app.use(requireSameOriginForCookieWrites);
  app.use(limitMemberWrites);

  app.notFound((c) => respondWithError(c, notFound(wantsJson(c) ? 'That endpoint' : 'That page')));

  app.onError((error, c) => {
    // drizzle wraps what its driver throws, and the session check answers through the driver (auth/session-check.ts).
    const refusal = error instanceof ApiError ? error : error.cause instanceof ApiError ? error.cause : null;
    if (refusal) return respondWithError(c, refusal);
    if (error instanceof HTTPException) return respondWithError(c, fromHttpException(error));
    const id = c.var.requestId;
    console.error(JSON.stringify({ event: 'unhandled_error', requestId: id, path: c.req.path, error: String(error), stack: error.stack }));
    const message = `Something went wrong on our side. If it keeps happening, quote reference ${id}.`;
    if (wantsJson(c)) return c.json({ error: { code: 'internal_error', message, requestId: id } }, 500);
    return renderPage(c, 'Error', <ErrorPage status={500} message={message} requestId={id} />, 500);
  });

  return app;
}
