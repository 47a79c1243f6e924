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
            ADMIN_EMAILS: 'admin@volley.test',
            UNSUBSCRIBE_SECRET: 'test-unsubscribe-secret',
            // base64 of "volley-test-webhook-secret-32byte"
            RESEND_WEBHOOK_SECRET: 'whsec_dm9sbGV5LXRlc3Qtd2ViaG9vay1zZWNyZXQtMzJieXRl',
          },
        },
      }),
    ],
    test: {
      include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
      setupFiles: ['./test/apply-migrations.ts'],
    },
  };
});
