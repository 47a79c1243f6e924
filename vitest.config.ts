import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

export default defineConfig(async () => {
  const migrations = await readD1Migrations('./migrations');
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: './wrangler.toml' },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            ALLOW_TEST_CLOCK: 'true',
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
