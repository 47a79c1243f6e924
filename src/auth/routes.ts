import { createRoute } from '@hono/zod-openapi';
import { database } from '../db/client';
import { bodyErrors, commonErrors, writeErrors, errorResponse, jsonBody, jsonResponse } from '../lib/openapi';
import { createRouter } from '../lib/router';
import { presentMember } from '../members/present';
import { clearSessionCookie } from './cookie';
import { memberRoute } from './member-route';
import { currentMember } from './middleware';
import { requestSignInLink } from './request-link';
import {
  MagicLinkAcceptedSchema,
  MagicLinkRequestSchema,
  SessionRequestSchema,
  SessionSchema,
  SignedOutSchema,
} from './schemas';
import { endAllSessions, endSession, exchangeLinkToken, findSession } from './sessions';

/** The same words for every address, member or not. */
export const LINK_SENT_MESSAGE = 'If that address can receive email, a sign-in link is on its way. It works once, for 10 minutes.';

const requestLink = createRoute({
  operationId: 'requestSignInLink',
  method: 'post',
  path: '/magic-link',
  summary: 'Email a sign-in link',
  description: 'Always 202 with the same body, whether or not the address has an account.',
  tags: ['Auth'],
  security: [],
  request: { body: jsonBody(MagicLinkRequestSchema) },
  responses: {
    202: jsonResponse('Accepted; a link is emailed.', MagicLinkAcceptedSchema),
    ...commonErrors, ...writeErrors, ...bodyErrors,
    422: errorResponse('The address is on the suppression list (it bounced or complained).'),
  },
});

const createSession = createRoute({
  operationId: 'createSession',
  method: 'post',
  path: '/session',
  summary: 'Exchange a sign-in link token for a session',
  description: 'Use the returned token as `Authorization: Bearer <token>`.',
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
    await requestSignInLink(c, c.req.valid('json').email);
    return c.json({ message: LINK_SENT_MESSAGE }, 202);
  })
  .openapi(createSession, async (c) => {
    const now = c.var.clock();
    const { token } = await exchangeLinkToken(c.env.DB, c.req.valid('json').token, now);
    const session = await findSession(database(c.env.DB), token, now);
    return c.json({ token, member: presentMember(session!.member) }, 200);
  })
  .openapi(deleteSession, async (c) => {
    currentMember(c);
    await endSession(database(c.env.DB), c.var.sessionId!);
    clearSessionCookie(c);
    return c.json({ sessionsEnded: 1 }, 200);
  })
  .openapi(deleteAllSessions, async (c) => {
    const ended = await endAllSessions(database(c.env.DB), currentMember(c).id);
    clearSessionCookie(c);
    return c.json({ sessionsEnded: ended }, 200);
  });
