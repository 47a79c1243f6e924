import { describe, expect, it } from 'vitest';
import { config } from '../src/config';
import {
  balance,
  call,
  count,
  draftBody,
  expectErrorShape,
  grantCredits,
  json,
  postDraftOk,
  signIn,
  type SignedInMember,
} from './helpers';

const welcome = config.credits.welcomeGrant;
const draftInput = (extra: object = {}) => ({ title: 'Once only', body: draftBody(), genre: 'essay', reviewsWanted: 1, ...extra });

const postWithKey = (member: SignedInMember, key: string, body: unknown = draftInput()) =>
  call('/api/v1/drafts', { token: member.token, body, headers: { 'idempotency-key': key } });

const debitsOf = (member: SignedInMember) => count('transfers', "from_account = ? AND reason = 'post_draft'", member.member.id);

describe('Idempotency-Key on writes', () => {
  it('the same key and body replays the first status and body, and does nothing again', async () => {
    const member = await signIn();
    const first = await postWithKey(member, 'post-1');
    expect(first.status).toBe(201);
    const firstBody = await first.text();

    const replay = await postWithKey(member, 'post-1');
    expect(replay.status).toBe(201);
    expect(await replay.text()).toBe(firstBody);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.headers.get('content-type')).toMatch(/application\/json/);

    expect(await count('drafts', 'author_id = ?', member.member.id)).toBe(1);
    expect(await debitsOf(member)).toBe(1);
    expect(await balance(member.member.id)).toBe(welcome - 1);
  });

  it('the same key with a different body is 422 idempotency_key_reused, and does nothing', async () => {
    const member = await signIn();
    expect((await postWithKey(member, 'post-2')).status).toBe(201);
    await expectErrorShape(await postWithKey(member, 'post-2', draftInput({ title: 'Another' })), 422, 'idempotency_key_reused');
    expect(await count('drafts', 'author_id = ?', member.member.id)).toBe(1);
    expect(await debitsOf(member)).toBe(1);
  });

  it('the same key on another endpoint is 422 idempotency_key_reused', async () => {
    const author = await signIn();
    const member = await signIn();
    const draft = await postDraftOk(author);
    expect((await postWithKey(member, 'shared-key')).status).toBe(201);
    const claim = await call(`/api/v1/drafts/${draft.id}/claims`, { method: 'POST', token: member.token, headers: { 'idempotency-key': 'shared-key' } });
    await expectErrorShape(claim, 422, 'idempotency_key_reused');
    expect(await count('claims', 'draft_id = ?', draft.id)).toBe(0);
  });

  it('different members may use the same key: each gets their own draft', async () => {
    const one = await signIn();
    const two = await signIn();
    const first = await postWithKey(one, 'same-key');
    const second = await postWithKey(two, 'same-key');
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    const [a, b] = [await json<{ id: string }>(first), await json<{ id: string }>(second)];
    expect(a.id).not.toBe(b.id);
    expect(await debitsOf(one)).toBe(1);
    expect(await debitsOf(two)).toBe(1);
  });

  it('a replayed 402 stays a 402, even once the member could pay', async () => {
    const member = await signIn();
    const tooMany = draftInput({ reviewsWanted: config.drafts.maxReviewsWanted });
    const first = await postWithKey(member, 'broke', tooMany);
    const firstError = await expectErrorShape(first, 402, 'insufficient_credits');

    await grantCredits(member.member.id, config.drafts.maxReviewsWanted);
    const replay = await postWithKey(member, 'broke', tooMany);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await expectErrorShape(replay, 402, 'insufficient_credits')).toEqual(firstError);
    expect(await count('drafts', 'author_id = ?', member.member.id)).toBe(0);
  });

  it('a replayed 400 stays the same 400', async () => {
    const member = await signIn();
    const invalid = draftInput({ genre: 'cookbook' });
    const firstError = await expectErrorShape(await postWithKey(member, 'invalid', invalid), 400, 'validation_failed');
    const replayError = await expectErrorShape(await postWithKey(member, 'invalid', invalid), 400, 'validation_failed');
    expect(replayError).toEqual(firstError);
  });

  it('a claim retried with its key returns the same claim and takes one slot', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const draft = await postDraftOk(author, { reviewsWanted: 3 });
    const claim = () => call(`/api/v1/drafts/${draft.id}/claims`, { method: 'POST', token: reviewer.token, headers: { 'idempotency-key': 'claim-1' } });
    const first = await json<{ id: string }>(await claim());
    const again = await claim();
    expect(again.status).toBe(201);
    expect((await json<{ id: string }>(again)).id).toBe(first.id);
    expect(await count('claims', 'draft_id = ?', draft.id)).toBe(1);
  });

  it('two requests racing with one key act once', async () => {
    const member = await signIn();
    const responses = await Promise.all([postWithKey(member, 'race'), postWithKey(member, 'race'), postWithKey(member, 'race')]);
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    for (const busy of responses.filter((r) => r.status === 409)) await expectErrorShape(busy, 409, 'idempotency_in_progress');
    expect(await count('drafts', 'author_id = ?', member.member.id)).toBe(1);
    expect(await debitsOf(member)).toBe(1);
  });

  it('a key over 255 characters is 400', async () => {
    const member = await signIn();
    await expectErrorShape(await postWithKey(member, 'k'.repeat(256)), 400, 'invalid_idempotency_key');
    expect(await count('drafts', 'author_id = ?', member.member.id)).toBe(0);
  });
});

describe('responses that hold secrets', () => {
  it('POST /api/v1/auth/session with an Idempotency-Key stores nothing: the session token never rests in the idempotency table', async () => {
    const { latestLinkToken, requestLink, rows, uniqueEmail } = await import('./helpers');
    const signedIn = await signIn();
    const email = uniqueEmail();
    await requestLink(email);
    const response = await call('/api/v1/auth/session', {
      token: signedIn.token,
      body: { token: await latestLinkToken(email) },
      headers: { 'idempotency-key': 'session-1' },
    });
    expect(response.status).toBe(200);
    const { token } = await json<{ token: string }>(response);
    expect(await count('idempotency_keys', 'member_id = ?', signedIn.member.id)).toBe(0);
    expect(await rows('SELECT key FROM idempotency_keys WHERE instr(response_body, ?) > 0', token)).toEqual([]);
  });
});

describe('a request that died before answering', () => {
  it('leaves its key reserved for a minute, then a retry with the same body runs', async () => {
    const { env } = await import('cloudflare:test');
    const member = await signIn();
    const key = `abandoned-${crypto.randomUUID()}`;
    const body = { title: 'Retried', body: 'Some words.', genre: 'essay', reviewsWanted: 1 };
    const { sha256Hex } = await import('../src/lib/ids');
    const hash = await sha256Hex(`POST /api/v1/drafts\n${JSON.stringify(body)}`);
    await env.DB.prepare('INSERT INTO idempotency_keys (member_id, key, request_hash, created_at) VALUES (?, ?, ?, ?)')
      .bind(member.member.id, key, hash, Date.now() - 5_000)
      .run();
    const soon = await call('/api/v1/drafts', { token: member.token, body, headers: { 'idempotency-key': key } });
    expect(soon.status).toBe(409);
    const later = await call('/api/v1/drafts', { token: member.token, body, headers: { 'idempotency-key': key }, now: Date.now() + 120_000 });
    expect(later.status).toBe(201);
  });
});
