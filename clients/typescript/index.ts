import createClient, { type ClientOptions } from 'openapi-fetch';
import type { paths } from './schema';

export type { components, operations, paths } from './schema';

export type VolleyClientOptions = Omit<ClientOptions, 'baseUrl'> & {
  /** A personal access token (Settings → API access) or a session token, sent as `Authorization: Bearer`. */
  token?: string;
};

/**
 * A typed client for Volley's JSON API (openapi-fetch over the generated
 * types): paths, parameters, bodies and answers are checked by TypeScript.
 *
 * @example
 * const volley = createVolleyClient('http://localhost:8787', { token });
 * const { data, error } = await volley.GET('/queue', { params: { query: { genre: 'poetry' } } });
 */
export function createVolleyClient(origin: string, { token, headers, ...options }: VolleyClientOptions = {}) {
  return createClient<paths>({
    ...options,
    baseUrl: new URL('/api/v1', origin).href,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(headers as Record<string, string> | undefined) },
  });
}

export type VolleyClient = ReturnType<typeof createVolleyClient>;
