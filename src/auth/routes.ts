import { createRoute } from '@hono/zod-openapi';
import { database } from '../db/client';
import { config } from '../config';
import { bodyErrors, commonErrors, writeErrors, jsonBody, jsonResponse } from '../lib/openapi';
import { createRouter } from '../lib/router';
import { clearSessionCookie } from './cookie';
import { memberRoute } from './member-route';
import { currentMember } from './middleware';
import { requestSignInLink } from './request-link';
import { signInWithCode } from './sign-in-with-code';
import {
  MagicLinkAcceptedSchema,
  MagicLinkRequestSchema,
  SessionRequestSchema,
  SessionSchema,
  SignedOutSchema,
} from './schemas';
import { endAllSessions, endSession, exchangeLinkToken, sessionAnswer } from './sessions';

/** The same words for every address, member or not. */
export const LINK_SENT_MESSAGE = `If that address can receive email, a sign-in link and code are on their way. They work once, for ${
  config.auth.linkTokenLifetimeMs / 60_000
} minutes.`;

const requestLink = createRoute({
  operationId: 'requestSignInLink',
  method: 'post',
  path: '/magic-link',
  summary: 'Email a sign-in link',
  description:
    'Always 202 with the same body, whether or not the address has an account or has bounced. The email holds a link and a 6-digit code.',
  tags: ['Auth'],
  security: [],
  request: { body: jsonBody(MagicLinkRequestSchema) },
  responses: {
    202: jsonResponse('Accepted; a link is emailed.', MagicLinkAcceptedSchema),
    ...commonErrors, ...writeErrors, ...bodyErrors,
  },
});

const createSession = createRoute({
  operationId: 'createSession',
  method: 'post',
  path: '/session',
  summary: 'Exchange a sign-in link token, or the emailed code, for a session',
  description:
    'Send `{token}` from the link or `{email, code}` from the same email; using either spends both. Use the returned token as `Authorization: Bearer <token>`.',
  tags: ['Auth'],
  security: [],
  request: { body: jsonBody(SessionRequestSchema) },
  responses: { 200: jsonResponse('Signed in.', SessionSchema), ...commonErrors, ...writeErrors, ...bodyErrors },
});

const deleteSession = createRoute({
  operationId: 'deleteSession',
  method: 'delete',
  path: '/session',
  summary: 'Sign out this session',
  ...memberRoute('Auth'),
  responses: { 200: jsonResponse('Signed out.', SignedOutSchema), ...commonErrors, ...writeErrors },
});

const deleteAllSessions = createRoute({
  operationId: 'deleteAllSessions',
  method: 'delete',
  path: '/sessions',
  summary: 'Sign out everywhere',
  description: 'Ends every session of the signed-in member, this one included.',
  ...memberRoute('Auth'),
  responses: { 200: jsonResponse('Signed out everywhere.', SignedOutSchema), ...commonErrors, ...writeErrors },
});

export const authApi = createRouter()
  .openapi(requestLink, async (c) => {
    const { email, turnstileToken } = c.req.valid('json');
    await requestSignInLink(c, email, turnstileToken);
    return c.json({ message: LINK_SENT_MESSAGE }, 202);
  })
  .openapi(createSession, async (c) => {
    const now = c.var.clock();
    const body = c.req.valid('json');
    const { token } = body.token ? await exchangeLinkToken(c.env.DB, body.token, now) : await signInWithCode(c, body.email!, body.code!);
    return c.json(await sessionAnswer(c.env.DB, token, now), 200);
  })
  .openapi(deleteSession, async (c) => {
    currentMember(c);
    await endSession(c.env.DB, c.var.sessionToken!);
    clearSessionCookie(c);
    return c.json({ sessionsEnded: 1 }, 200);
  })
  .openapi(deleteAllSessions, async (c) => {
    const ended = await endAllSessions(database(c.env.DB), currentMember(c).id);
    clearSessionCookie(c);
    return c.json({ sessionsEnded: ended }, 200);
  });
