import { createApp } from './app';
import { deleteExpiredCredentials } from './auth/cleanup';
import { authPages } from './auth/pages';
import { authApi } from './auth/routes';
import { expireLapsedClaims } from './claims/claims';
import { claimsApi } from './claims/routes';
import { database } from './db/client';
import { docsPages } from './docs/pages';
import { openApiInfo, registerSecuritySchemes } from './docs/openapi';
import { draftsApi } from './drafts/routes';
import { devMailboxPages } from './email/dev-mailbox-pages';
import type { Bindings } from './env';
import { deleteOldIdempotencyKeys, idempotency } from './idempotency/middleware';
import { ledgerApi } from './ledger/routes';
import { createRouter } from './lib/router';
import { membersApi } from './members/routes';
import { memberPages } from './pages/routes';
import { queueApi } from './queue/routes';
import { reviewsApi } from './reviews/routes';

const api = createRouter();
registerSecuritySchemes(api);
api.use(idempotency);
api.route('/auth', authApi);
api.route('/', membersApi);
api.route('/', ledgerApi);
api.route('/', draftsApi);
api.route('/', queueApi);
api.route('/', claimsApi);
api.route('/', reviewsApi);
api.doc31('/openapi.json', openApiInfo);

export const app = createApp();
app.route('/api/v1', api);
app.route('/', docsPages(api));
app.route('/', authPages);
app.route('/', memberPages);
app.route('/', devMailboxPages);

export default {
  fetch: app.fetch,
  /** Every minute (wrangler.toml): housekeeping that no request should wait for. */
  async scheduled(controller, env) {
    const now = controller.scheduledTime;
    const claims = await expireLapsedClaims(env.DB, now);
    const credentials = await deleteExpiredCredentials(database(env.DB), now);
    const idempotencyKeys = await deleteOldIdempotencyKeys(env.DB, now);
    console.log(JSON.stringify({ event: 'cron', cron: controller.cron, claims, credentials, idempotencyKeys }));
  },
} satisfies ExportedHandler<Bindings>;
