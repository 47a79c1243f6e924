import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env';

export const openApiInfo = {
  openapi: '3.1.0',
  info: {
    title: 'Volley API',
    version: '1.0.0',
    description:
      'The JSON API of Volley, a give-to-get feedback exchange for writers. Errors are always ' +
      '`{"error":{"code","message","fields?"}}`. Sign in with a magic link, then send the session ' +
      'token as `Authorization: Bearer <token>`.',
  },
  servers: [{ url: '/api/v1' }],
};

/** Declares how members authenticate, so routes can reference it by name. */
export function registerSecuritySchemes(api: OpenAPIHono<AppEnv>) {
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  api.openAPIRegistry.registerComponent('securitySchemes', 'cookie', {
    type: 'apiKey',
    in: 'cookie',
    name: '__Host-volley_session',
  });
}
