import { createRoute } from '@hono/zod-openapi';
import { memberRoute } from '../auth/member-route';
import { currentMember } from '../auth/middleware';
import { SessionSchema } from '../auth/schemas';
import { sessionAnswer } from '../auth/sessions';
import { writeSessionCookie } from '../auth/cookie';
import { database } from '../db/client';
import { bodyErrors, commonErrors, errorResponse, jsonBody, jsonResponse, writeErrors } from '../lib/openapi';
import { isOwnOrigin } from '../lib/origin';
import { createRouter } from '../lib/router';
import { authenticateWithPasskey, authenticationOptions } from './authentication';
import { listPasskeys, presentPasskey, removePasskey } from './member-passkeys';
import { registerPasskey, registrationOptions } from './registration';
import {
  PasskeyAssertionSchema,
  PasskeyIdParamSchema,
  PasskeyListSchema,
  PasskeyRegistrationSchema,
  PasskeySchema,
  WebAuthnOptionsSchema,
} from './schemas';

const createRegistrationOptions = createRoute({
  method: 'post',
  path: '/auth/passkeys/registration-options',
  operationId: 'createPasskeyRegistrationOptions',
  summary: 'Start adding a passkey',
  description: 'Options for `navigator.credentials.create`; their challenge works once, for 5 minutes.',
  ...memberRoute('Passkeys'),
  responses: { 200: jsonResponse('Registration options.', WebAuthnOptionsSchema), ...commonErrors, ...writeErrors },
});

const createPasskey = createRoute({
  method: 'post',
  path: '/auth/passkeys',
  operationId: 'createPasskey',
  summary: 'Add a passkey',
  description: "Send the browser's answer to the registration options. The passkey is named by browser and date.",
  ...memberRoute('Passkeys'),
  request: { body: jsonBody(PasskeyRegistrationSchema) },
  responses: {
    201: jsonResponse('The new passkey.', PasskeySchema),
    ...commonErrors,
    ...writeErrors,
    ...bodyErrors,
    409: errorResponse('Already registered, or the member has the most passkeys allowed.'),
  },
});

const createAuthenticationOptions = createRoute({
  method: 'post',
  path: '/auth/passkeys/authentication-options',
  operationId: 'createPasskeyAuthenticationOptions',
  summary: 'Start signing in with a passkey',
  description: 'Options for `navigator.credentials.get`; their challenge works once, for 5 minutes.',
  tags: ['Passkeys'],
  security: [],
  responses: { 200: jsonResponse('Authentication options.', WebAuthnOptionsSchema), ...commonErrors, ...writeErrors },
});

const authenticatePasskey = createRoute({
  method: 'post',
  path: '/auth/passkeys/authenticate',
  operationId: 'authenticatePasskey',
  summary: 'Sign in with a passkey',
  description:
    "Send the browser's answer to the authentication options. Answers like `POST /auth/session`; from Volley's own pages it also sets the session cookie.",
  tags: ['Passkeys'],
  security: [],
  request: { body: jsonBody(PasskeyAssertionSchema) },
  responses: { 200: jsonResponse('Signed in.', SessionSchema), ...commonErrors, ...writeErrors, ...bodyErrors },
});

const listMyPasskeys = createRoute({
  method: 'get',
  path: '/me/passkeys',
  operationId: 'listPasskeys',
  summary: 'My passkeys',
  ...memberRoute('Passkeys'),
  responses: { 200: jsonResponse('Newest first.', PasskeyListSchema), ...commonErrors },
});

const deleteMyPasskey = createRoute({
  method: 'delete',
  path: '/me/passkeys/{id}',
  operationId: 'deletePasskey',
  summary: 'Remove a passkey',
  description: 'It can no longer sign in. Sessions it opened stay until signed out.',
  ...memberRoute('Passkeys'),
  request: { params: PasskeyIdParamSchema },
  responses: { 200: jsonResponse('The removed passkey.', PasskeySchema), ...commonErrors, ...writeErrors, 404: errorResponse('No such passkey of yours.') },
});

export const passkeysApi = createRouter()
  .openapi(createRegistrationOptions, async (c) => c.json(await registrationOptions(c, currentMember(c)), 200))
  .openapi(createPasskey, async (c) => {
    const passkey = await registerPasskey(c, currentMember(c), c.req.valid('json'));
    return c.json(presentPasskey(passkey), 201);
  })
  .openapi(createAuthenticationOptions, async (c) => c.json(await authenticationOptions(c), 200))
  .openapi(authenticatePasskey, async (c) => {
    const signedIn = await authenticateWithPasskey(c, c.req.valid('json'));
    // Our own page's script cannot read the token (the cookie is HttpOnly), so it gets the cookie here.
    if (isOwnOrigin(c, c.req.header('origin'))) writeSessionCookie(c, signedIn.token);
    return c.json(await sessionAnswer(c.env.DB, signedIn.token, c.var.clock()), 200);
  })
  .openapi(listMyPasskeys, async (c) => {
    const items = await listPasskeys(database(c.env.DB), currentMember(c).id);
    return c.json({ items: items.map(presentPasskey), nextCursor: null }, 200);
  })
  .openapi(deleteMyPasskey, async (c) => {
    const removed = await removePasskey(database(c.env.DB), currentMember(c).id, c.req.valid('param').id);
    return c.json(presentPasskey(removed), 200);
  });
