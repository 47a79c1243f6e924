import type { Bindings } from '../env';

/** Only the dev mailbox may sign unsubscribe links with a fixed secret: its links never leave the machine. */
const DEV_UNSUBSCRIBE_SECRET = 'volley-dev-only-unsubscribe-secret';

/**
 * What email can do under this deployment's settings, decided in one place:
 * where it goes, the origin every link is built from, the unsubscribe secret,
 * and, for /api/v1/health, each missing setting with what it holds back.
 * Whatever is missing, email waits in the outbox; nothing here throws.
 */
export type EmailSetup = {
  /** null: nowhere to send, so every email waits. */
  transport: 'resend' | 'dev-mailbox' | null;
  /** The origin of every link in every email; null: every email waits (each one carries a link). */
  origin: string | null;
  /** Signs unsubscribe links; null: notifications wait, sign-in email still goes out. */
  unsubscribeSecret: string | null;
  problems: string[];
};

/**
 * Hosts that can never be a public deployment: loopback and the names
 * RFC 6761 reserves for local use and testing. Only on these may the dev
 * mailbox run over https (`wrangler dev --local-protocol https`, the test suites).
 */
const PRIVATE_HOST = /^(localhost|127\.0\.0\.1|\[::1\])$|\.(localhost|test)$/;

function parsedOrigin(value: string | undefined): URL | null {
  if (!value) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

const isPublicHttps = (url: URL | null) => url !== null && url.protocol === 'https:' && !PRIVATE_HOST.test(url.hostname);

/**
 * @param requestUrl the URL of the request at hand, if any: the dev mailbox stays off when it is a public https one.
 * @example
 * const { transport, origin, problems } = emailSetup(c.env, c.req.url);
 */
export function emailSetup(env: Bindings, requestUrl?: string): EmailSetup {
  const appOrigin = parsedOrigin(env.APP_ORIGIN);
  const problems: string[] = [];
  if (env.RESEND_API_KEY) {
    const httpsOrigin = appOrigin?.protocol === 'https:' ? appOrigin.origin : null;
    if (!appOrigin) problems.push('APP_ORIGIN is not set: all email is held, sign-in links included (links are built from it, never from the request)');
    else if (!httpsOrigin) problems.push('APP_ORIGIN is not an https origin: all email is held, sign-in links included');
    if (!env.UNSUBSCRIBE_SECRET) problems.push('UNSUBSCRIBE_SECRET is not set: notifications are held (sign-in email still goes out)');
    if (!env.RESEND_WEBHOOK_SECRET) problems.push('RESEND_WEBHOOK_SECRET is not set: bounces and complaints are not recorded');
    return { transport: 'resend', origin: httpsOrigin, unsubscribeSecret: env.UNSUBSCRIBE_SECRET || null, problems };
  }

  const switchedOn = env.DEV_MAILBOX === 'true';
  const onPublicHttps = isPublicHttps(appOrigin) || isPublicHttps(parsedOrigin(requestUrl));
  if (!switchedOn || onPublicHttps) {
    problems.push(
      switchedOn
        ? 'DEV_MAILBOX is ignored on an https origin: all email is held (set RESEND_API_KEY)'
        : 'RESEND_API_KEY is not set: all email is held in the outbox (DEV_MAILBOX=true shows it locally instead)',
    );
    return { transport: null, origin: null, unsubscribeSecret: null, problems };
  }
  if (!appOrigin) problems.push('APP_ORIGIN is not set: all email is held (every link is built from it)');
  return {
    transport: 'dev-mailbox',
    origin: appOrigin?.origin ?? null,
    unsubscribeSecret: env.UNSUBSCRIBE_SECRET || DEV_UNSUBSCRIBE_SECRET,
    problems,
  };
}
