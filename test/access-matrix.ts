import { env } from 'cloudflare:test';
import { expect, it } from 'vitest';
import { app } from '../src/index';
import { adminSession, call, ORIGIN, postDraftOk, reviewOf, signIn, type SignedInMember } from './helpers';

/**
 * Every route of the app against four callers: the table both access-control
 * suites run (API routes and pages, one file each so they run in parallel).
 * The route list is read from the Hono router, so a route added without a row
 * here fails.
 */

export type Caller = 'anonymous' | 'other' | 'owner' | 'admin';
export type Scenario = {
  owner: SignedInMember;
  other: SignedInMember;
  admin: { token: string; email: string };
  /** An open draft of the owner's, with a review by `reviewer` and a live claim by the owner on someone else's draft. */
  draftId: string;
  /** A member neither caller has met; a pending invitation of a fourth member to the reviewer's draft (no caller's). */
  strangerId: string;
  invitationId: string;
  reviewId: string;
  claimId: string;
  outboxId: string;
  /** A personal access token of the owner's. */
  tokenId: string;
  /** A passkey of the owner's. */
  passkeyId: string;
  /** An open report (by a third member) of the owner's draft. */
  reportId: string;
  /** A work of the owner's, with no parts. */
  workId: string;
};
export type Expect = Record<Caller, number>;
export type Row = {
  path: (s: Scenario) => string;
  /** API calls authenticate with a bearer token; pages with the session cookie (and our Origin on forms). */
  kind: 'api' | 'page';
  body?: (s: Scenario, caller: Caller) => unknown;
  form?: (s: Scenario, caller: Caller) => Record<string, string>;
  expect: Expect;
};

const all = (status: number): Expect => ({ anonymous: status, other: status, owner: status, admin: status });
const members = (anonymous: number, status: number): Expect => ({ anonymous, other: status, owner: status, admin: status });

const review = reviewOf();

export const matrix: Record<string, Row> = {
  'POST /api/v1/auth/magic-link': { kind: 'api', path: () => '/api/v1/auth/magic-link', body: () => ({ email: `m-${crypto.randomUUID()}@example.com` }), expect: all(202) },
  'POST /api/v1/auth/session': { kind: 'api', path: () => '/api/v1/auth/session', body: () => ({ token: 'not-a-real-token' }), expect: all(400) },
  'DELETE /api/v1/auth/session': { kind: 'api', path: () => '/api/v1/auth/session', expect: members(401, 200) },
  'DELETE /api/v1/auth/sessions': { kind: 'api', path: () => '/api/v1/auth/sessions', expect: members(401, 200) },
  'POST /api/v1/auth/passkeys/registration-options': { kind: 'api', path: () => '/api/v1/auth/passkeys/registration-options', expect: members(401, 200) },
  'POST /api/v1/auth/passkeys': {
    kind: 'api',
    path: () => '/api/v1/auth/passkeys',
    body: () => ({ id: 'AA', rawId: 'AA', type: 'public-key', response: { clientDataJSON: 'AA', attestationObject: 'AA' }, clientExtensionResults: {} }),
    expect: members(401, 400),
  },
  'POST /api/v1/auth/passkeys/authentication-options': { kind: 'api', path: () => '/api/v1/auth/passkeys/authentication-options', expect: all(200) },
  'POST /api/v1/auth/passkeys/authenticate': {
    kind: 'api',
    path: () => '/api/v1/auth/passkeys/authenticate',
    body: () => ({ id: 'AA', rawId: 'AA', type: 'public-key', response: { clientDataJSON: 'AA', authenticatorData: 'AA', signature: 'AA' }, clientExtensionResults: {} }),
    expect: all(400),
  },
  'GET /api/v1/me/passkeys': { kind: 'api', path: () => '/api/v1/me/passkeys', expect: members(401, 200) },
  'DELETE /api/v1/me/passkeys/:id': { kind: 'api', path: (s) => `/api/v1/me/passkeys/${s.passkeyId}`, expect: { anonymous: 401, other: 404, owner: 200, admin: 404 } },
  'GET /api/v1/me': { kind: 'api', path: () => '/api/v1/me', expect: members(401, 200) },
  'PATCH /api/v1/me': { kind: 'api', path: () => '/api/v1/me', body: () => ({ name: 'Renamed' }), expect: members(401, 200) },
  'GET /api/v1/me/export': { kind: 'api', path: () => '/api/v1/me/export', expect: members(401, 200) },
  'DELETE /api/v1/me': {
    kind: 'api',
    path: () => '/api/v1/me',
    // Only the owner types the owner's address: everyone else is refused even with a session.
    body: (s) => ({ confirmEmail: s.owner.email }),
    expect: { anonymous: 401, other: 400, owner: 200, admin: 400 },
  },
  'POST /api/v1/me/tokens': { kind: 'api', path: () => '/api/v1/me/tokens', body: () => ({ name: 'matrix', scope: 'read' }), expect: members(401, 201) },
  'GET /api/v1/me/tokens': { kind: 'api', path: () => '/api/v1/me/tokens', expect: members(401, 200) },
  'DELETE /api/v1/me/tokens/:id': { kind: 'api', path: (s) => `/api/v1/me/tokens/${s.tokenId}`, expect: { anonymous: 401, other: 404, owner: 200, admin: 404 } },
  'GET /api/v1/me/ledger': { kind: 'api', path: () => '/api/v1/me/ledger', expect: members(401, 200) },
  'POST /api/v1/drafts': {
    kind: 'api',
    path: () => '/api/v1/drafts',
    body: () => ({ title: 'T', body: 'One two three.', genre: 'poetry', reviewsWanted: 1 }),
    // The owner spent their welcome credits on the scenario's draft.
    expect: { anonymous: 401, other: 201, admin: 201, owner: 402 },
  },
  'GET /api/v1/drafts': { kind: 'api', path: () => '/api/v1/drafts?mine=1', expect: members(401, 200) },
  'GET /api/v1/drafts/:id': { kind: 'api', path: (s) => `/api/v1/drafts/${s.draftId}`, expect: members(401, 200) },
  'POST /api/v1/drafts/:id/withdraw': { kind: 'api', path: (s) => `/api/v1/drafts/${s.draftId}/withdraw`, expect: { anonymous: 401, other: 403, owner: 200, admin: 403 } },
  'POST /api/v1/works': { kind: 'api', path: () => '/api/v1/works', body: () => ({ title: 'A work', genre: 'fantasy' }), expect: members(401, 201) },
  'GET /api/v1/works': { kind: 'api', path: () => '/api/v1/works?mine=1', expect: members(401, 200) },
  'GET /api/v1/works/:id': { kind: 'api', path: (s) => `/api/v1/works/${s.workId}`, expect: members(401, 200) },
  'POST /api/v1/drafts/:id/revisions': {
    kind: 'api',
    path: (s) => `/api/v1/drafts/${s.draftId}/revisions`,
    body: () => ({ body: 'A new version.', reviewsWanted: 1 }),
    expect: { anonymous: 401, other: 403, owner: 201, admin: 403 },
  },
  'GET /api/v1/drafts/:id/changes': { kind: 'api', path: (s) => `/api/v1/drafts/${s.draftId}/changes`, expect: members(401, 200) },
  'GET /api/v1/queue': { kind: 'api', path: () => '/api/v1/queue', expect: members(401, 200) },
  'POST /api/v1/drafts/:id/claims': { kind: 'api', path: (s) => `/api/v1/drafts/${s.draftId}/claims`, expect: { anonymous: 401, other: 201, owner: 403, admin: 201 } },
  'DELETE /api/v1/claims/:id': { kind: 'api', path: (s) => `/api/v1/claims/${s.claimId}`, expect: { anonymous: 401, other: 404, owner: 200, admin: 404 } },
  'POST /api/v1/drafts/:id/reviews': { kind: 'api', path: (s) => `/api/v1/drafts/${s.draftId}/reviews`, body: () => review, expect: { anonymous: 401, other: 201, owner: 403, admin: 201 } },
  'GET /api/v1/drafts/:id/reviews': { kind: 'api', path: (s) => `/api/v1/drafts/${s.draftId}/reviews`, expect: { anonymous: 401, other: 403, owner: 200, admin: 403 } },
  'POST /api/v1/reviews/:id/rating': { kind: 'api', path: (s) => `/api/v1/reviews/${s.reviewId}/rating`, body: () => ({ helpful: true }), expect: { anonymous: 401, other: 404, owner: 200, admin: 404 } },
  'POST /api/v1/reviews/:id/replies': { kind: 'api', path: (s) => `/api/v1/reviews/${s.reviewId}/replies`, body: () => ({ body: 'Thanks' }), expect: { anonymous: 401, other: 404, owner: 201, admin: 404 } },
  'POST /api/v1/webhooks/resend': { kind: 'api', path: () => '/api/v1/webhooks/resend', body: () => ({ type: 'email.bounced', data: {} }), expect: all(401) },
  'GET /api/v1/members/:id': { kind: 'api', path: (s) => `/api/v1/members/${s.strangerId}`, expect: members(401, 200) },
  'PUT /api/v1/me/following/:memberId': { kind: 'api', path: (s) => `/api/v1/me/following/${s.strangerId}`, expect: members(401, 200) },
  'DELETE /api/v1/me/following/:memberId': { kind: 'api', path: (s) => `/api/v1/me/following/${s.strangerId}`, expect: members(401, 200) },
  'GET /api/v1/me/following': { kind: 'api', path: () => '/api/v1/me/following', expect: members(401, 200) },
  'PUT /api/v1/me/blocks/:memberId': { kind: 'api', path: (s) => `/api/v1/me/blocks/${s.strangerId}`, expect: members(401, 200) },
  'DELETE /api/v1/me/blocks/:memberId': { kind: 'api', path: (s) => `/api/v1/me/blocks/${s.strangerId}`, expect: members(401, 200) },
  'GET /api/v1/me/blocks': { kind: 'api', path: () => '/api/v1/me/blocks', expect: members(401, 200) },
  'POST /api/v1/drafts/:id/invitations': {
    kind: 'api',
    path: (s) => `/api/v1/drafts/${s.draftId}/invitations`,
    body: (s) => ({ memberId: s.strangerId }),
    expect: { anonymous: 401, other: 403, owner: 201, admin: 403 },
  },
  // Only the invitee may answer; to everyone else the invitation does not exist.
  'POST /api/v1/invitations/:id/accept': { kind: 'api', path: (s) => `/api/v1/invitations/${s.invitationId}/accept`, expect: { anonymous: 401, other: 404, owner: 404, admin: 404 } },
  'POST /api/v1/invitations/:id/decline': { kind: 'api', path: (s) => `/api/v1/invitations/${s.invitationId}/decline`, expect: { anonymous: 401, other: 404, owner: 404, admin: 404 } },
  'GET /api/v1/me/invitations': { kind: 'api', path: () => '/api/v1/me/invitations', expect: members(401, 200) },
  'GET /api/v1/me/return-favours': { kind: 'api', path: () => '/api/v1/me/return-favours', expect: members(401, 200) },
  'GET /api/v1/health': { kind: 'api', path: () => '/api/v1/health', expect: all(200) },
  'GET /api/v1/openapi.json': { kind: 'api', path: () => '/api/v1/openapi.json', expect: all(200) },
  'GET /api/docs': { kind: 'page', path: () => '/api/docs', expect: all(200) },

  'GET /': { kind: 'page', path: () => '/', expect: members(200, 302) },
  'POST /auth/sign-in': { kind: 'page', path: () => '/auth/sign-in', form: () => ({ email: `p-${crypto.randomUUID()}@example.com` }), expect: all(303) },
  'GET /auth/check-email': { kind: 'page', path: () => '/auth/check-email', expect: all(200) },
  'GET /auth/callback': { kind: 'page', path: () => '/auth/callback?token=made-up', expect: all(400) },
  'POST /auth/callback': { kind: 'page', path: () => '/auth/callback', form: () => ({ token: 'made-up' }), expect: all(400) },
  'POST /auth/code': { kind: 'page', path: () => '/auth/code', form: () => ({ email: `c-${crypto.randomUUID()}@example.com`, code: '000000' }), expect: all(400) },
  'POST /auth/sign-out': { kind: 'page', path: () => '/auth/sign-out', form: () => ({}), expect: all(303) },
  'POST /auth/sign-out-everywhere': { kind: 'page', path: () => '/auth/sign-out-everywhere', form: () => ({}), expect: all(303) },
  'GET /dashboard': { kind: 'page', path: () => '/dashboard', expect: members(303, 200) },
  'GET /drafts/new': { kind: 'page', path: () => '/drafts/new', expect: members(303, 200) },
  'POST /drafts': { kind: 'page', path: () => '/drafts', form: () => ({ title: 'Form draft', body: 'Some words here.', genre: 'essay', reviewsWanted: '1' }),
    // The owner spent their welcome credits on the scenario's draft.
    expect: { anonymous: 303, other: 303, admin: 303, owner: 402 },
  },
  'GET /drafts': { kind: 'page', path: () => '/drafts', expect: members(303, 200) },
  'GET /works/new': { kind: 'page', path: () => '/works/new', expect: members(303, 200) },
  'POST /works': { kind: 'page', path: () => '/works', form: () => ({ title: 'A work', genre: 'fantasy' }), expect: members(303, 303) },
  'GET /works/:id': { kind: 'page', path: (s) => `/works/${s.workId}`, expect: members(303, 200) },
  'GET /drafts/:id/revise': { kind: 'page', path: (s) => `/drafts/${s.draftId}/revise`, expect: { anonymous: 303, other: 403, owner: 200, admin: 403 } },
  'POST /drafts/:id/revisions': {
    kind: 'page',
    path: (s) => `/drafts/${s.draftId}/revisions`,
    form: () => ({ body: 'A new version.', reviewsWanted: '1' }),
    expect: { anonymous: 303, other: 403, owner: 303, admin: 403 },
  },
  'GET /drafts/:id': { kind: 'page', path: (s) => `/drafts/${s.draftId}`, expect: members(303, 200) },
  'POST /drafts/:id/withdraw': { kind: 'page', path: (s) => `/drafts/${s.draftId}/withdraw`, form: () => ({}), expect: { anonymous: 303, other: 403, owner: 303, admin: 403 } },
  'GET /queue': { kind: 'page', path: () => '/queue', expect: members(303, 200) },
  'POST /drafts/:id/claim': { kind: 'page', path: (s) => `/drafts/${s.draftId}/claim`, form: () => ({}), expect: { anonymous: 303, other: 303, owner: 403, admin: 303 } },
  'POST /claims/:id/release': { kind: 'page', path: (s) => `/claims/${s.claimId}/release`, form: () => ({}), expect: { anonymous: 303, other: 404, owner: 303, admin: 404 } },
  // The author is sent to their own draft's page instead.
  'GET /drafts/:id/review': { kind: 'page', path: (s) => `/drafts/${s.draftId}/review`, expect: { anonymous: 303, other: 200, owner: 303, admin: 200 } },
  'POST /drafts/:id/reviews': { kind: 'page', path: (s) => `/drafts/${s.draftId}/reviews`, form: () => ({ body: review.body }),
    // The author is refused (nothing is written) and sent back to their draft's page.
    expect: { anonymous: 303, other: 303, owner: 303, admin: 303 },
  },
  'POST /reviews/:id/rating': { kind: 'page', path: (s) => `/reviews/${s.reviewId}/rating`, form: () => ({ helpful: '1' }), expect: { anonymous: 303, other: 404, owner: 303, admin: 404 } },
  'POST /reviews/:id/replies': { kind: 'page', path: (s) => `/reviews/${s.reviewId}/replies`, form: () => ({ body: 'Thank you' }), expect: { anonymous: 303, other: 404, owner: 303, admin: 404 } },
  'GET /credits': { kind: 'page', path: () => '/credits', expect: members(303, 200) },
  'GET /dev/mailbox': { kind: 'page', path: () => '/dev/mailbox', expect: all(200) },
  'GET /dev/mailbox.json': { kind: 'page', path: () => '/dev/mailbox.json', expect: all(200) },
  'GET /unsubscribe': { kind: 'page', path: () => '/unsubscribe?m=x&g=reviews&t=forged', expect: all(400) },
  'POST /unsubscribe': { kind: 'page', path: () => '/unsubscribe?m=x&g=reviews&t=forged', form: () => ({ 'List-Unsubscribe': 'One-Click' }), expect: all(400) },
  'GET /settings/delete': { kind: 'page', path: () => '/settings/delete', expect: members(303, 200) },
  'POST /settings/delete': { kind: 'page', path: () => '/settings/delete', form: () => ({ confirmEmail: 'not-mine@example.com' }), expect: members(303, 400) },
  'GET /settings/passkeys': { kind: 'page', path: () => '/settings/passkeys', expect: members(303, 200) },
  'POST /settings/passkeys/:id/delete': {
    kind: 'page',
    path: (s) => `/settings/passkeys/${s.passkeyId}/delete`,
    form: () => ({}),
    expect: { anonymous: 303, other: 404, owner: 303, admin: 404 },
  },
  'GET /settings': { kind: 'page', path: () => '/settings', expect: members(303, 200) },
  'POST /settings': { kind: 'page', path: () => '/settings', form: () => ({ name: 'Renamed', reviews: 'each' }), expect: members(303, 303) },
  'GET /settings/tokens': { kind: 'page', path: () => '/settings/tokens', expect: members(303, 200) },
  'POST /settings/tokens': { kind: 'page', path: () => '/settings/tokens', form: () => ({ name: 'From the page', scope: 'read' }), expect: members(303, 200) },
  'POST /settings/tokens/:id/revoke': { kind: 'page', path: (s) => `/settings/tokens/${s.tokenId}/revoke`, form: () => ({}), expect: { anonymous: 303, other: 404, owner: 303, admin: 404 } },
  'POST /api/v1/reports': {
    kind: 'api',
    path: () => '/api/v1/reports',
    body: (s) => ({ subject: { type: 'draft', id: s.draftId }, reason: 'spam' }),
    // Nobody reports their own writing.
    expect: { anonymous: 401, other: 201, owner: 400, admin: 201 },
  },
  // Moderation does not exist for anyone but moderators, signed in or not.
  'GET /api/v1/admin/reports': { kind: 'api', path: () => '/api/v1/admin/reports', expect: { anonymous: 404, other: 404, owner: 404, admin: 200 } },
  'POST /api/v1/admin/reports/:id/resolve': {
    kind: 'api',
    path: (s) => `/api/v1/admin/reports/${s.reportId}/resolve`,
    body: () => ({ action: 'dismiss', note: 'Nothing wrong here.' }),
    expect: { anonymous: 404, other: 404, owner: 404, admin: 200 },
  },
  'GET /reports/new': { kind: 'page', path: (s) => `/reports/new?type=draft&id=${s.draftId}`, expect: members(303, 200) },
  'POST /reports': {
    kind: 'page',
    path: () => '/reports',
    form: (s) => ({ type: 'draft', id: s.draftId, reason: 'spam' }),
    expect: { anonymous: 303, other: 303, owner: 400, admin: 303 },
  },
  'GET /admin/reports': { kind: 'page', path: () => '/admin/reports', expect: { anonymous: 303, other: 404, owner: 404, admin: 200 } },
  'POST /admin/reports/:id/resolve': {
    kind: 'page',
    path: (s) => `/admin/reports/${s.reportId}/resolve`,
    form: () => ({ action: 'dismiss', note: 'Nothing wrong here.' }),
    expect: { anonymous: 303, other: 404, owner: 404, admin: 303 },
  },
  'GET /members/:id': { kind: 'page', path: (s) => `/members/${s.strangerId}`, expect: members(303, 200) },
  'POST /members/:id/follow': { kind: 'page', path: (s) => `/members/${s.strangerId}/follow`, form: () => ({}), expect: members(303, 303) },
  'POST /members/:id/unfollow': { kind: 'page', path: (s) => `/members/${s.strangerId}/unfollow`, form: () => ({}), expect: members(303, 303) },
  'GET /members/:id/block': { kind: 'page', path: (s) => `/members/${s.strangerId}/block`, expect: members(303, 200) },
  'POST /members/:id/block': { kind: 'page', path: (s) => `/members/${s.strangerId}/block`, form: () => ({}), expect: members(303, 303) },
  'POST /members/:id/unblock': { kind: 'page', path: (s) => `/members/${s.strangerId}/unblock`, form: () => ({}), expect: members(303, 303) },
  'POST /members/:id/invite': {
    kind: 'page',
    path: (s) => `/members/${s.strangerId}/invite`,
    form: (s) => ({ draftId: s.draftId }),
    expect: { anonymous: 303, other: 403, owner: 303, admin: 403 },
  },
  'GET /invitations/:id': { kind: 'page', path: (s) => `/invitations/${s.invitationId}`, expect: { anonymous: 303, other: 404, owner: 404, admin: 404 } },
  'POST /invitations/:id/accept': { kind: 'page', path: (s) => `/invitations/${s.invitationId}/accept`, form: () => ({}), expect: { anonymous: 303, other: 404, owner: 404, admin: 404 } },
  'POST /invitations/:id/decline': { kind: 'page', path: (s) => `/invitations/${s.invitationId}/decline`, form: () => ({}), expect: { anonymous: 303, other: 404, owner: 404, admin: 404 } },
  'GET /admin/email': { kind: 'page', path: () => '/admin/email', expect: { anonymous: 303, other: 404, owner: 404, admin: 200 } },
  'POST /admin/email/:id/retry': { kind: 'page', path: (s) => `/admin/email/${s.outboxId}/retry`, form: () => ({}), expect: { anonymous: 303, other: 404, owner: 404, admin: 303 } },
};

export function appRoutes(): string[] {
  return [...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))];
}

export async function scenario(): Promise<Scenario> {
  const owner = await signIn();
  const other = await signIn();
  const reviewer = await signIn();
  const admin = await adminSession();
  const stranger = await signIn();
  const draft = await postDraftOk(owner, { reviewsWanted: 3 });
  const reviewed = await call(`/api/v1/drafts/${draft.id}/reviews`, { token: reviewer.token, body: review });
  const elsewhere = await postDraftOk(reviewer, { reviewsWanted: 2 });
  const claim = await call(`/api/v1/drafts/${elsewhere.id}/claims`, { method: 'POST', token: owner.token });
  const outboxId = `ob${crypto.randomUUID().replace(/-/g, '').slice(0, 14)}`;
  await env.DB.prepare(
    `INSERT INTO email_outbox (id, kind, to_address, subject, text_body, html_body, status, attempts, next_attempt_at, created_at)
     VALUES (?, 'sign_in', 'x@example.com', 's', 't', 'h', 'dead', 8, 0, 0)`,
  ).bind(outboxId).run();
  const token = await call('/api/v1/me/tokens', { token: owner.token, body: { name: 'scenario', scope: 'write' } });
  const passkeyId = `pk${crypto.randomUUID().replace(/-/g, '').slice(0, 14)}`;
  await env.DB.prepare(
    `INSERT INTO passkeys (id, member_id, credential_id, public_key, name, created_at) VALUES (?, ?, ?, 'AA', 'Test key', 0)`,
  ).bind(passkeyId, owner.member.id, passkeyId).run();
  const report = await call('/api/v1/reports', { token: reviewer.token, body: { subject: { type: 'draft', id: draft.id }, reason: 'other' } });
  const work = await call('/api/v1/works', { token: owner.token, body: { title: 'A work', genre: 'fantasy' } });
  const invited = await signIn();
  const invitation = await call(`/api/v1/drafts/${elsewhere.id}/invitations`, { token: reviewer.token, body: { memberId: invited.member.id } });
  return {
    tokenId: ((await token.json()) as { id: string }).id,
    reportId: ((await report.json()) as { id: string }).id,
    owner,
    other,
    admin,
    passkeyId,
    workId: ((await work.json()) as { id: string }).id,
    draftId: draft.id,
    strangerId: stranger.member.id,
    invitationId: ((await invitation.json()) as { id: string }).id,
    reviewId: ((await reviewed.json()) as { id: string }).id,
    claimId: ((await claim.json()) as { id: string }).id,
    outboxId,
  };
}

export async function request(route: string, row: Row, s: Scenario, caller: Caller) {
  const method = route.split(' ')[0]!;
  const credentials = caller === 'anonymous' ? null : caller === 'admin' ? s.admin : s[caller];
  if (row.kind === 'api') {
    const body = row.body?.(s, caller);
    return call(row.path(s), { method, token: credentials?.token, ...(body !== undefined ? { body } : {}) });
  }
  const form = row.form?.(s, caller);
  return call(row.path(s), {
    method,
    cookie: credentials ? `__Host-volley_session=${credentials.token}` : undefined,
    ...(form ? { rawBody: new URLSearchParams(form).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN } } : {}),
  });
}


/** Runs the matrix rows of one kind: one scenario per route, the owner last. */
export function describeMatrix(kind: Row['kind']) {
  for (const [route, row] of Object.entries(matrix).filter(([, r]) => r.kind === kind)) {
    it(`${route}: anonymous ${row.expect.anonymous}, other member ${row.expect.other}, owner ${row.expect.owner}, admin ${row.expect.admin}`, async () => {
      const got: Partial<Expect> = {};
      const s = await scenario();
      // The owner goes last: their calls (sign out, withdraw, delete the account) change what others would see.
      for (const caller of ['anonymous', 'other', 'admin', 'owner'] as const) {
        got[caller] = (await request(route, row, s, caller)).status;
      }
      expect(got, JSON.stringify(got)).toEqual(row.expect);
    }, 60_000);
  }
}
