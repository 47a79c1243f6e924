import { createApp } from './app';
import { authPages } from './auth/pages';
import { deleteExpiredCredentials } from './auth/cleanup';
import { authApi } from './auth/routes';
import { database } from './db/client';
import { docsPages } from './docs/pages';
import { openApiInfo, registerSecuritySchemes } from './docs/openapi';
import { devMailboxPages } from './email/dev-mailbox-pages';
import type { Bindings } from './env';
import { createRouter } from './lib/router';
import { membersApi } from './members/routes';
import { memberPages } from './pages/routes';

const api = createRouter();
registerSecuritySchemes(api);
api.route('/auth', authApi);
api.route('/', membersApi);
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
    const removed = await deleteExpiredCredentials(database(env.DB), controller.scheduledTime);
    console.log(JSON.stringify({ event: 'cron', cron: controller.cron, removed }));
  },
} satisfies ExportedHandler<Bindings>;
