import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { unstable_readConfig } from 'wrangler';
import { defineConfig } from 'vitest/config';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** wrangler.toml's `[alias]` stand-ins, so tests run the modules the Worker ships (an exact specifier each). */
function bundleAliases() {
  const { alias, configPath } = unstable_readConfig({ config: './wrangler.toml' });
  return Object.entries<string>(alias ?? {}).map(([specifier, path]) => ({
    find: new RegExp(`^${escapeRegExp(specifier)}$`),
    replacement: new URL(path, `file://${configPath}`).pathname,
  }));
}

export default defineConfig(async () => {
  const migrations = await readD1Migrations('./migrations');
  // The rate limits the bindings enforce, so a test can hold config.ts to them (test/config.test.ts).
  const rateLimits = unstable_readConfig({ config: './wrangler.toml' }).ratelimits;
  return {
    resolve: { alias: bundleAliases() },
    plugins: [
      cloudflareTest({
        wrangler: { configPath: './wrangler.toml' },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            TEST_RATE_LIMITS: rateLimits,
            ALLOW_TEST_CLOCK: 'true',
            // The dev mailbox is on only where switched on (never in wrangler.toml): the suites read sign-in links from it.
            DEV_MAILBOX: 'true',
            APP_ORIGIN: 'https://volley.test',
            ADMIN_EMAILS: 'admin@volley.test',
            UNSUBSCRIBE_SECRET: 'test-unsubscribe-secret',
            SIGN_IN_CODE_SECRET: 'test-sign-in-code-secret',
            // base64 of "volley-test-webhook-secret-32byte"
            RESEND_WEBHOOK_SECRET: 'whsec_dm9sbGV5LXRlc3Qtd2ViaG9vay1zZWNyZXQtMzJieXRl',
          },
        },
      }),
    ],
    test: {
      include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
      setupFiles: ['./test/apply-migrations.ts'],
      // Journeys through HTTP inside workerd: generous, because CI machines are shared and slow at times.
      testTimeout: 30_000,
      // The Worker logs a JSON line per request (src/observability/server-timing.ts): noise in test output.
      onConsoleLog: (log: string) => !log.startsWith('{"event":"request"'),
    },
  };
});
