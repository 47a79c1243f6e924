import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { checkedMember } from '../auth/session-check';
import type { AppEnv } from '../env';
import { readerZone } from './format';
import { Layout } from './layout';
import { ReaderZoneContext } from './when';

/** Set by public/assets/app.js to the browser's zone; read here only, validated by readerZone. */
export const TIME_ZONE_COOKIE = 'tz';

/**
 * Answers an HTML page in the shared layout. The layout names the member, so
 * a page that read nothing from D1 has its session checked here.
 *
 * @example
 * return renderPage(c, 'Check your email', <CheckEmail email={email} />);
 */
export async function renderPage(c: Context<AppEnv>, title: string, body: Child, status: ContentfulStatusCode = 200) {
  return c.html(
    <ReaderZoneContext.Provider value={readerZone(getCookie(c, TIME_ZONE_COOKIE))}>
      <Layout title={title} member={c.var.member ? await checkedMember(c) : null} nonce={c.var.secureHeadersNonce} path={c.req.path}>
        {body}
      </Layout>
    </ReaderZoneContext.Provider>,
    status,
  );
}
