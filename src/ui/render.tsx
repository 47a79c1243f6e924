import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../env';
import { Layout } from './layout';

/**
 * Answers an HTML page in the shared layout.
 *
 * @example
 * return renderPage(c, 'Check your email', <CheckEmail email={email} />);
 */
export function renderPage(c: Context<AppEnv>, title: string, body: Child, status: ContentfulStatusCode = 200) {
  return c.html(
    <Layout title={title} member={c.var.member ?? null} nonce={c.var.secureHeadersNonce} path={c.req.path}>
      {body}
    </Layout>,
    status,
  );
}
