import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env';

export const openApiInfo = {
  openapi: '3.1.0',
  info: {
    title: 'Volley API',
    version: '1.0.0',
    description:
      'The JSON API of Volley, a give-to-get feedback exchange for writers. Errors are always ' +
      '`{"error":{"code","message","fields?"}}`. Authenticate with `Authorization: Bearer <token>`: a ' +
      'personal access token made in Settings (or with `POST /me/tokens`), or the session token that ' +
      'signing in with a magic link returns.',
    // No licence is granted to the API or its content: the terms are the operator's.
    license: { name: 'Proprietary', identifier: 'LicenseRef-Volley-Proprietary' },
  },
  servers: [{ url: '/api/v1' }],
  tags: [
    { name: 'Auth', description: 'Signing in with a magic link, and signing out.' },
    { name: 'Members', description: 'Your account: profile, email preferences, data export, deletion.' },
    { name: 'Tokens', description: 'Personal access tokens for scripts and integrations.' },
    { name: 'Credits', description: 'Your ledger of credits earned and spent.' },
    { name: 'Drafts', description: 'Posting drafts for review, paid for in credits held in escrow.' },
    { name: 'Queue', description: 'Drafts open for review, fairest first.' },
    { name: 'Claims', description: 'Reserving a review slot on a draft.' },
    { name: 'Reviews', description: 'Reviews, their helpful ratings and reply threads.' },
    { name: 'Webhooks', description: 'Events from the email provider.' },
    { name: 'Health', description: 'Whether the service and its database answer.' },
  ],
};

/** Declares how members authenticate, so routes can reference it by name. */
export function registerSecuritySchemes(api: OpenAPIHono<AppEnv>) {
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'A personal access token (`volley_pat_…`) or a session token from `POST /auth/session`.',
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'cookie', {
    type: 'apiKey',
    in: 'cookie',
    name: '__Host-volley_session',
  });
}
