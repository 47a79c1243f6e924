import { createApp } from './app';
import { deleteExpiredCredentials } from './auth/cleanup';
import { authPages } from './auth/pages';
import { authApi } from './auth/routes';
import { expireLapsedClaims } from './claims/claims';
import { claimPages } from './claims/pages';
import { claimsApi } from './claims/routes';
import { database } from './db/client';
import { docsPages } from './docs/pages';
import { openApiInfo, registerSecuritySchemes } from './docs/openapi';
import { draftPageRoutes } from './draft-page/routes';
import { draftPages } from './drafts/pages';
import { draftsApi } from './drafts/routes';
import { adminPages } from './admin/pages';
import { deliverOutbox } from './email/deliver';
import { devMailboxPages } from './email/dev-mailbox-pages';
import { emailContext } from './email/notification';
import { purgeSentEmail } from './email/outbox';
import { claimEmails, draftDigests, reviewDigests } from './email/scheduled-emails';
import { unsubscribePages } from './email/unsubscribe-pages';
import { webhookApi } from './email/webhook-routes';
import { healthApi } from './health/routes';
import { settingsPages } from './members/pages';
import type { Bindings } from './env';
import { deleteOldIdempotencyKeys, idempotency } from './idempotency/middleware';
import { ledgerPages } from './ledger/pages';
import { ledgerApi } from './ledger/routes';
import { passkeyPages } from './passkeys/pages';
import { passkeysApi } from './passkeys/routes';
import { createRouter } from './lib/router';
import { membersApi } from './members/routes';
import { dashboardPages } from './dashboard/routes';
import { queuePages } from './queue/pages';
import { queueApi } from './queue/routes';
import { reviewPages } from './reviews/pages';
import { reviewsApi } from './reviews/routes';
import { tokenPages } from './tokens/pages';
import { tokensApi } from './tokens/routes';
import { reportsApi } from './reports/routes';
import { reportPages } from './reports/pages';
import { moderationApi } from './moderation/routes';
import { moderationPages } from './moderation/pages';
import { worksApi } from './works/routes';
import { workPages } from './works/pages';
import { releaseLapsedHolds } from './works/returning-readers';
import { relationshipsApi } from './relationships/routes';
import { relationshipPages } from './relationships/pages';
import { expireInvitations } from './relationships/invitations';
import { followingDigests } from './relationships/follower-emails';
import { renderUnrenderedRows } from './lib/markdown-backfill';

const api = createRouter();
registerSecuritySchemes(api);
api.use(idempotency);
api.route('/auth', authApi);
api.route('/', passkeysApi);
api.route('/', membersApi);
api.route('/', tokensApi);
api.route('/', ledgerApi);
api.route('/', draftsApi);
api.route('/', queueApi);
api.route('/', claimsApi);
api.route('/', reviewsApi);
api.route('/', reportsApi);
api.route('/', moderationApi);
api.route('/', worksApi);
api.route('/', relationshipsApi);
api.route('/', webhookApi);
api.route('/', healthApi);
api.doc31('/openapi.json', openApiInfo);

export const app = createApp();
app.route('/api/v1', api);
app.route('/', docsPages(api));
app.route('/', authPages);
app.route('/', dashboardPages);
app.route('/', draftPages);
app.route('/', workPages);
// After draftPages, so /drafts/new is not taken for a draft id.
app.route('/', draftPageRoutes);
app.route('/', queuePages);
app.route('/', claimPages);
app.route('/', reviewPages);
app.route('/', relationshipPages);
app.route('/', ledgerPages);
app.route('/', devMailboxPages);
app.route('/', unsubscribePages);
app.route('/', settingsPages);
app.route('/', tokenPages);
app.route('/', passkeyPages);
app.route('/', reportPages);
// Before adminPages: its /admin/* guard answers moderators' pages too, and these need their own.
app.route('/', moderationPages);
app.route('/', adminPages);

export default {
  fetch: app.fetch,
  /** Every minute (wrangler.toml): housekeeping that no request should wait for. */
  async scheduled(controller, env, _ctx) {
    const now = controller.scheduledTime;
    const ctx = emailContext(env);
    // Claim notices first, every page of them: the sweep below marks the lapsed claims they are about as expired.
    let claimNotices = 0;
    for (let page = 0, more = true; more && page < 20; page++) {
      const written = await claimEmails(env.DB, ctx, now);
      claimNotices += written.written;
      more = written.more;
    }
    const claims = await expireLapsedClaims(env.DB, now);
    const holdsReleased = await releaseLapsedHolds(env.DB, now);
    const invitations = await expireInvitations(env.DB, now);
    const digests = {
      reviews: await reviewDigests(env.DB, ctx, now),
      drafts: await draftDigests(env.DB, ctx, now),
      following: await followingDigests(env.DB, ctx, now),
    };
    const credentials = await deleteExpiredCredentials(database(env.DB), now);
    const idempotencyKeys = await deleteOldIdempotencyKeys(env.DB, now);
    // Before the outbox sweep, which may run for minutes.
    const rendered = await renderUnrenderedRows(env.DB);
    const email = await deliverOutbox(env, now);
    const purgedEmail = await purgeSentEmail(database(env.DB), now);
    console.log(JSON.stringify({ event: 'cron', cron: controller.cron, claimNotices, claims, holdsReleased, invitations, digests, credentials, idempotencyKeys, email, purgedEmail, rendered }));
  },
} satisfies ExportedHandler<Bindings>;
