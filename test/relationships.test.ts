import { describe, expect, it } from 'vitest';
import { config } from '../src/config';
import {
  balance,
  call,
  count,
  expectErrorShape,
  expectLedgerInvariants,
  grantCredits,
  json,
  postDraftOk,
  reviewOf,
  rows,
  runCron,
  signIn,
  uniqueEmail,
  type SignedInMember,
} from './helpers';

type OutboxRow = { kind: string; subject: string; text_body: string; headers: string };
/** Each email to `email` of `kind`, as sent (the dev mailbox holds the bodies with their links filled in). */
const emailsTo = (email: string, kind: string) =>
  rows<OutboxRow>(
    `SELECT o.kind, o.subject, m.text AS text_body, m.headers FROM email_outbox o LEFT JOIN dev_mailbox m ON m.id = o.id
     WHERE o.to_address = ? AND o.kind = ? ORDER BY o.created_at`,
    email,
    kind,
  );

const put = (who: SignedInMember, path: string) => call(path, { method: 'PUT', token: who.token });
const del = (who: SignedInMember, path: string) => call(path, { method: 'DELETE', token: who.token });
const post = (who: SignedInMember, path: string, body: unknown = undefined, now?: number) =>
  call(path, { method: 'POST', token: who.token, ...(body === undefined ? {} : { body }), now });
const invite = (author: SignedInMember, draftId: string, invitee: SignedInMember | string, now?: number) =>
  post(author, `/api/v1/drafts/${draftId}/invitations`, { memberId: typeof invitee === 'string' ? invitee : invitee.member.id }, now);
const profile = async (viewer: SignedInMember, memberId: string) => call(`/api/v1/members/${memberId}`, { token: viewer.token });
const queueIds = async (viewer: SignedInMember) =>
  (await json<{ items: { id: string; following: boolean }[] }>(await call('/api/v1/queue', { token: viewer.token }))).items;

describe('profiles', () => {
  it('shows name, bio, member since, genres, stats kept as counters and open drafts; PATCH /me sets the bio', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const patched = await call('/api/v1/me', { method: 'PATCH', token: reviewer.token, body: { bio: '  I read slowly and kindly.  ', genres: ['poetry'] } });
    expect(patched.status).toBe(200);
    expect((await json(patched)).bio).toBe('I read slowly and kindly.');
    const draft = await postDraftOk(author, { reviewsWanted: 2 });
    const review = await json(await post(reviewer, `/api/v1/drafts/${draft.id}/reviews`, reviewOf()));
    await post(author, `/api/v1/reviews/${review.id}/rating`, { helpful: true });

    const seen = await json(await profile(author, reviewer.member.id));
    expect(seen).toMatchObject({
      id: reviewer.member.id,
      name: reviewer.member.name,
      bio: 'I read slowly and kindly.',
      genres: ['poetry'],
      stats: { reviewsGiven: 1, helpfulReviews: 1, reviewsReceived: 0, draftsPosted: 0 },
      openDrafts: [],
      following: false,
      isMe: false,
    });
    const authorSeen = await json(await profile(reviewer, author.member.id));
    expect(authorSeen.stats).toEqual({ reviewsGiven: 0, helpfulReviews: 0, reviewsReceived: 1, draftsPosted: 1 });
    expect(authorSeen.openDrafts.map((d: { id: string }) => d.id)).toEqual([draft.id]);
  });

  it('a bio over the limit is a 400 naming the field, and nothing changes', async () => {
    const member = await signIn();
    const error = await expectErrorShape(
      await call('/api/v1/me', { method: 'PATCH', token: member.token, body: { bio: 'x'.repeat(config.member.bioMaxLength + 1) } }),
      400,
    );
    expect(error.fields?.bio).toBeDefined();
    expect((await rows<{ bio: string }>('SELECT bio FROM members WHERE id = ?', member.member.id))[0]!.bio).toBe('');
  });

  it('is members only, and an unknown member is a 404', async () => {
    const member = await signIn();
    expect((await call(`/api/v1/members/${member.member.id}`)).status).toBe(401);
    await expectErrorShape(await profile(member, 'nobodyatall'), 404, 'not_found');
  });
});

describe('following', () => {
  it('PUT is idempotent, GET lists, DELETE stops; following yourself is a 400 and an unknown member a 404', async () => {
    const fan = await signIn();
    const writer = await signIn();
    expect((await json(await put(fan, `/api/v1/me/following/${writer.member.id}`))).following).toBe(true);
    expect((await put(fan, `/api/v1/me/following/${writer.member.id}`)).status).toBe(200);
    expect(await count('follows', 'follower_id = ?', fan.member.id)).toBe(1);
    const list = await json(await call('/api/v1/me/following', { token: fan.token }));
    expect(list.items.map((i: { member: { id: string } }) => i.member.id)).toEqual([writer.member.id]);
    expect((await json(await profile(fan, writer.member.id))).following).toBe(true);
    await expectErrorShape(await put(fan, `/api/v1/me/following/${fan.member.id}`), 400, 'not_yourself');
    await expectErrorShape(await put(fan, '/api/v1/me/following/nobodyatall'), 404, 'not_found');
    expect((await json(await del(fan, `/api/v1/me/following/${writer.member.id}`))).following).toBe(false);
    expect(await count('follows', 'follower_id = ?', fan.member.id)).toBe(0);
  });

  it('a followed writer’s new draft: one email to each follower who wants each, with unsubscribe; marked following in the queue', async () => {
    const fan = await signIn();
    const digestFan = await signIn();
    const quietFan = await signIn();
    const writer = await signIn();
    for (const f of [fan, digestFan, quietFan]) await put(f, `/api/v1/me/following/${writer.member.id}`);
    await call('/api/v1/me', { method: 'PATCH', token: digestFan.token, body: { notifications: { following: 'daily' } } });
    await call('/api/v1/me', { method: 'PATCH', token: quietFan.token, body: { notifications: { following: 'off' } } });
    const draft = await postDraftOk(writer, { title: 'Tide Tables' });

    const [email, ...more] = await emailsTo(fan.email, 'following_draft');
    expect(more).toHaveLength(0);
    expect(email!.subject).toBe(`${writer.member.name} posted “Tide Tables”`);
    expect(email!.text_body).toContain(`https://volley.test/drafts/${draft.id}`);
    expect(JSON.parse(email!.headers)['List-Unsubscribe']).toMatch(/g=following/);
    expect(await emailsTo(digestFan.email, 'following_draft')).toHaveLength(0);
    expect(await emailsTo(quietFan.email, 'following_draft')).toHaveLength(0);

    // The digest reader gets one line in their daily digest.
    await runCron(Date.now() + 60_000);
    const [digest] = await emailsTo(digestFan.email, 'following_digest');
    expect(digest!.text_body).toContain('Tide Tables');
    expect(await emailsTo(quietFan.email, 'following_digest')).toHaveLength(0);

    const card = (await queueIds(fan)).find((i) => i.id === draft.id);
    expect(card?.following).toBe(true);
    const stranger = await signIn();
    expect((await queueIds(stranger)).find((i) => i.id === draft.id)?.following).toBe(false);

    // One-click unsubscribe turns the kind off.
    const link = JSON.parse(email!.headers)['List-Unsubscribe'].match(/<(https:[^>]+)>/)[1] as string;
    const unsubscribed = await call(link.replace('https://volley.test', ''), {
      rawBody: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(unsubscribed.status).toBe(200);
    expect((await rows<{ n: string }>('SELECT notify_following AS n FROM members WHERE id = ?', fan.member.id))[0]!.n).toBe('off');
  });
});

describe('invitations', () => {
  async function setup(reviewsWanted = 1) {
    const author = await signIn();
    const invitee = await signIn();
    await grantCredits(author.member.id, 10);
    const draft = await postDraftOk(author, { reviewsWanted, title: 'Harbour Wall' });
    return { author, invitee, draft };
  }

  it('holds a slot for the invitee, emails them a working link, and accepting is a 201 claim', async () => {
    const { author, invitee, draft } = await setup();
    const created = await invite(author, draft.id, invitee);
    expect(created.status).toBe(201);
    const invitation = await json(created);
    expect(invitation).toMatchObject({ draftId: draft.id, member: { id: invitee.member.id }, status: 'pending' });
    expect(Object.keys(invitation)[0]).toBe('id');

    // The one slot is held: a stranger cannot take it, and the queue no longer offers it to them.
    const stranger = await signIn();
    await expectErrorShape(await post(stranger, `/api/v1/drafts/${draft.id}/claims`), 409, 'slot_held');
    expect((await queueIds(stranger)).some((i) => i.id === draft.id)).toBe(false);
    expect((await queueIds(invitee)).some((i) => i.id === draft.id)).toBe(true);

    const [email] = await emailsTo(invitee.email, 'invitation');
    expect(email!.subject).toBe(`${author.member.name} invites you to review “Harbour Wall”`);
    expect(email!.text_body).toContain(`https://volley.test/invitations/${invitation.id}`);
    expect(JSON.parse(email!.headers)['List-Unsubscribe']).toBeDefined();
    const page = await call(`/invitations/${invitation.id}`, { cookie: `__Host-volley_session=${invitee.token}` });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`action="/invitations/${invitation.id}/accept"`);
    expect(html).toContain(`action="/invitations/${invitation.id}/decline"`);

    const accepted = await post(invitee, `/api/v1/invitations/${invitation.id}/accept`);
    expect(accepted.status).toBe(201);
    const claim = await json(accepted);
    expect(claim).toMatchObject({ draftId: draft.id, status: 'active' });
    // Accepting twice is one claim.
    expect((await json(await post(invitee, `/api/v1/invitations/${invitation.id}/accept`))).id).toBe(claim.id);
    expect(await count('claims', 'draft_id = ?', draft.id)).toBe(1);
    const received = await json(await call('/api/v1/me/invitations', { token: invitee.token }));
    expect(received.items[0]).toMatchObject({ id: invitation.id, status: 'accepted', claimId: claim.id });
    const sent = await json(await call('/api/v1/me/invitations?direction=sent', { token: author.token }));
    expect(sent.items[0].id).toBe(invitation.id);
  });

  it('refuses: yourself 400, unknown member 404, not the author 403, a closed draft 409, more invitations than free slots 409', async () => {
    const { author, invitee, draft } = await setup(1);
    await expectErrorShape(await invite(author, draft.id, author), 400, 'not_yourself');
    await expectErrorShape(await invite(author, draft.id, 'nobodyatall'), 404, 'not_found');
    await expectErrorShape(await invite(invitee, draft.id, author), 403, 'forbidden');
    await expectErrorShape(await post(author, `/api/v1/drafts/${draft.id}/invitations`, { memberId: '' }), 400);
    await expectErrorShape(await post(author, `/api/v1/drafts/${draft.id}/invitations`, { memberId: invitee.member.id, extra: 1 }), 400);
    expect((await invite(author, draft.id, invitee)).status).toBe(201);
    await expectErrorShape(await invite(author, draft.id, invitee), 409, 'already_invited');
    await expectErrorShape(await invite(author, draft.id, await signIn()), 409, 'no_free_slot');
    expect(await count('invitations', 'draft_id = ?', draft.id)).toBe(1);
    await post(author, `/api/v1/drafts/${draft.id}/withdraw`);
    await expectErrorShape(await invite(author, draft.id, await signIn()), 409, 'draft_not_open');
  });

  it('declining frees the slot; a declined or expired invitation cannot be accepted; the cron marks expiry', async () => {
    const { author, invitee, draft } = await setup(2);
    const first = await json(await invite(author, draft.id, invitee));
    expect((await json(await post(invitee, `/api/v1/invitations/${first.id}/decline`))).status).toBe('declined');
    await expectErrorShape(await post(invitee, `/api/v1/invitations/${first.id}/accept`), 409, 'invitation_closed');
    const other = await signIn();
    const second = await json(await invite(author, draft.id, other));
    const later = Date.now() + config.relationships.invitationLifetimeMs + 1000;
    await expectErrorShape(await post(other, `/api/v1/invitations/${second.id}/accept`, undefined, later), 409, 'invitation_expired');
    await runCron(later);
    expect((await rows<{ status: string }>('SELECT status FROM invitations WHERE id = ?', second.id))[0]!.status).toBe('expired');
    // Someone else's invitation is not theirs to answer.
    await expectErrorShape(await post(invitee, `/api/v1/invitations/${second.id}/decline`), 404, 'not_found');
  });

  it('accepting over the claim limit is a 409 that says so, and takes nothing', async () => {
    const { author, invitee, draft } = await setup();
    const invitation = await json(await invite(author, draft.id, invitee));
    for (let i = 0; i < config.claims.maxActivePerReviewer; i++) {
      const other = await postDraftOk(await signIn());
      expect((await post(invitee, `/api/v1/drafts/${other.id}/claims`)).status).toBe(201);
    }
    const error = await expectErrorShape(await post(invitee, `/api/v1/invitations/${invitation.id}/accept`), 409, 'too_many_claims');
    expect(error.message).toContain(String(config.claims.maxActivePerReviewer));
    expect(await count('claims', 'draft_id = ?', draft.id)).toBe(0);
  });

  it('under concurrency: the invitee accepting while strangers claim the last free slot; two accepts at once', async () => {
    const { author, invitee, draft } = await setup(2);
    const invitation = await json(await invite(author, draft.id, invitee));
    const strangers = await Promise.all([signIn(), signIn(), signIn()]);
    const [accepted, accepted2, ...claims] = await Promise.all([
      post(invitee, `/api/v1/invitations/${invitation.id}/accept`),
      post(invitee, `/api/v1/invitations/${invitation.id}/accept`),
      ...strangers.map((s) => post(s, `/api/v1/drafts/${draft.id}/claims`)),
    ]);
    expect(accepted!.status).toBe(201);
    expect(accepted2!.status).toBe(201);
    expect((await json(accepted!)).id).toBe((await json(accepted2!)).id);
    expect(claims.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(await count('claims', "draft_id = ? AND status = 'active'", draft.id)).toBe(2);
    expect(await count('claims', "draft_id = ? AND reviewer_id = ?", draft.id, invitee.member.id)).toBe(1);
  });

  it('an invitation expiring while being accepted: accepted just before, or refused just after, never half', async () => {
    const { author, invitee, draft } = await setup(1);
    const created = Date.now();
    const invitation = await json(await invite(author, draft.id, invitee, created));
    const expiry = created + config.relationships.invitationLifetimeMs;
    const [before, , after] = await Promise.all([
      post(invitee, `/api/v1/invitations/${invitation.id}/accept`, undefined, expiry - 1),
      runCron(expiry),
      post(invitee, `/api/v1/invitations/${invitation.id}/accept`, undefined, expiry + 1),
    ]);
    const statuses = [before!.status, after!.status];
    const [row] = await rows<{ status: string; claim_id: string | null }>('SELECT status, claim_id FROM invitations WHERE id = ?', invitation.id);
    if (row!.status === 'accepted') {
      expect(row!.claim_id).not.toBeNull();
      expect(await count('claims', 'draft_id = ?', draft.id)).toBe(1);
    } else {
      expect(row!.status).toBe('expired');
      expect(await count('claims', 'draft_id = ?', draft.id)).toBe(0);
    }
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
  });

  it('the invitee claiming from the queue uses the hold, so a second slot stays open to others', async () => {
    const { author, invitee, draft } = await setup(2);
    const invitation = await json(await invite(author, draft.id, invitee));
    expect((await post(invitee, `/api/v1/drafts/${draft.id}/claims`)).status).toBe(201);
    expect((await rows<{ status: string }>('SELECT status FROM invitations WHERE id = ?', invitation.id))[0]!.status).toBe('accepted');
    expect((await post(await signIn(), `/api/v1/drafts/${draft.id}/claims`)).status).toBe(201);
  });
});

describe('return the favour', () => {
  it('lists who reviewed my drafts, most generous first, with their open drafts I could claim', async () => {
    const me = await signIn();
    await grantCredits(me.member.id, 20);
    const generous = await signIn();
    const once = await signIn();
    const mine = [await postDraftOk(me, { reviewsWanted: 2 }), await postDraftOk(me, { reviewsWanted: 1 })];
    await post(generous, `/api/v1/drafts/${mine[0]!.id}/reviews`, reviewOf());
    await post(generous, `/api/v1/drafts/${mine[1]!.id}/reviews`, reviewOf());
    await post(once, `/api/v1/drafts/${mine[0]!.id}/reviews`, reviewOf());
    const theirs = await postDraftOk(generous);
    const favours = await json(await call('/api/v1/me/return-favours', { token: me.token }));
    expect(favours.items.map((i: { member: { id: string }; reviewsOfYours: number }) => [i.member.id, i.reviewsOfYours])).toEqual([
      [generous.member.id, 2],
      [once.member.id, 1],
    ]);
    expect(favours.items[0].drafts.map((d: { id: string }) => d.id)).toEqual([theirs.id]);
    expect(favours.items[1].drafts).toEqual([]);
  });
});

describe('blocking', () => {
  it('is idempotent, listed, and lifted by DELETE; blocking yourself is a 400, an unknown member 404', async () => {
    const me = await signIn();
    const other = await signIn();
    expect((await json(await put(me, `/api/v1/me/blocks/${other.member.id}`))).blocked).toBe(true);
    expect((await put(me, `/api/v1/me/blocks/${other.member.id}`)).status).toBe(200);
    expect(await count('blocks', 'blocker_id = ?', me.member.id)).toBe(1);
    const list = await json(await call('/api/v1/me/blocks', { token: me.token }));
    expect(list.items.map((i: { member: { id: string } }) => i.member.id)).toEqual([other.member.id]);
    await expectErrorShape(await put(me, `/api/v1/me/blocks/${me.member.id}`), 400, 'not_yourself');
    await expectErrorShape(await put(me, '/api/v1/me/blocks/nobodyatall'), 404, 'not_found');
    expect((await json(await del(me, `/api/v1/me/blocks/${other.member.id}`))).blocked).toBe(false);
    expect(await count('blocks', 'blocker_id = ?', me.member.id)).toBe(0);
  });

  for (const direction of ['author blocks reviewer', 'reviewer blocks author'] as const) {
    it(`${direction}: neither sees nor acts on the other's drafts, profile or reviews (404 not_found); claims and invitations end`, async () => {
      const author = await signIn();
      const reviewer = await signIn();
      await grantCredits(author.member.id, 20);
      const claimed = await postDraftOk(author, { reviewsWanted: 2 });
      const invitedTo = await postDraftOk(author, { reviewsWanted: 1 });
      const reviewedDraft = await postDraftOk(author, { reviewsWanted: 1 });
      const claim = await json(await post(reviewer, `/api/v1/drafts/${claimed.id}/claims`));
      const invitation = await json(await invite(author, invitedTo.id, reviewer));
      const review = await json(await post(reviewer, `/api/v1/drafts/${reviewedDraft.id}/reviews`, reviewOf()));
      await put(reviewer, `/api/v1/me/following/${author.member.id}`);
      const fresh = await postDraftOk(author, { reviewsWanted: 1 });

      const [blocker, blocked] = direction === 'author blocks reviewer' ? [author, reviewer] : [reviewer, author];
      expect((await put(blocker, `/api/v1/me/blocks/${blocked.member.id}`)).status).toBe(200);

      // Ended in the block's batch.
      expect((await rows<{ status: string }>('SELECT status FROM claims WHERE id = ?', claim.id))[0]!.status).toBe('released');
      expect((await rows<{ status: string }>('SELECT status FROM invitations WHERE id = ?', invitation.id))[0]!.status).toBe('cancelled');
      expect(await count('follows', 'follower_id = ?', reviewer.member.id)).toBe(0);

      // Neither sees the other.
      await expectErrorShape(await profile(author, reviewer.member.id), 404, 'not_found');
      await expectErrorShape(await profile(reviewer, author.member.id), 404, 'not_found');
      expect((await queueIds(reviewer)).some((i) => [claimed.id, fresh.id].includes(i.id))).toBe(false);
      await expectErrorShape(await call(`/api/v1/drafts/${fresh.id}`, { token: reviewer.token }), 404, 'not_found');

      // Neither acts on the other's drafts and reviews.
      await expectErrorShape(await post(reviewer, `/api/v1/drafts/${fresh.id}/claims`), 404, 'not_found');
      await expectErrorShape(await post(reviewer, `/api/v1/drafts/${fresh.id}/reviews`, reviewOf()), 404, 'not_found');
      await expectErrorShape(await post(reviewer, `/api/v1/invitations/${invitation.id}/accept`), 404, 'not_found');
      await expectErrorShape(await invite(author, fresh.id, reviewer), 404, 'not_found');
      await expectErrorShape(await put(reviewer, `/api/v1/me/following/${author.member.id}`), 404, 'not_found');
      await expectErrorShape(await post(author, `/api/v1/reviews/${review.id}/replies`, { body: 'Thanks' }), 404, 'not_found');
      await expectErrorShape(await post(reviewer, `/api/v1/reviews/${review.id}/replies`, { body: 'Thanks' }), 404, 'not_found');

      // The review already written stays readable to its writer (and to the author).
      const own = await json(await call(`/api/v1/drafts/${reviewedDraft.id}/reviews`, { token: reviewer.token }));
      expect(own.items.map((r: { id: string }) => r.id)).toEqual([review.id]);
      expect((await call(`/api/v1/drafts/${reviewedDraft.id}/reviews`, { token: author.token })).status).toBe(200);
      await expectLedgerInvariants();
    });
  }

  it('a block releases a claim on a withdrawn draft with the usual refund', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const draft = await postDraftOk(author, { reviewsWanted: 1 });
    await post(reviewer, `/api/v1/drafts/${draft.id}/claims`);
    await post(author, `/api/v1/drafts/${draft.id}/withdraw`);
    const before = await balance(author.member.id);
    await put(author, `/api/v1/me/blocks/${reviewer.member.id}`);
    expect(await balance(author.member.id)).toBe(before + draft.pricePerReview);
    expect(await balance(draft.id)).toBe(0);
    await expectLedgerInvariants();
  });

  it('a block racing claims never leaves a claim between the blocked members', async () => {
    for (let round = 0; round < 3; round++) {
      const author = await signIn();
      const reviewer = await signIn();
      const draft = await postDraftOk(author, { reviewsWanted: 1 });
      await Promise.all([
        post(reviewer, `/api/v1/drafts/${draft.id}/claims`),
        put(author, `/api/v1/me/blocks/${reviewer.member.id}`),
        post(reviewer, `/api/v1/drafts/${draft.id}/claims`),
      ]);
      expect(await count('claims', "draft_id = ? AND status = 'active'", draft.id)).toBe(0);
    }
  });

  it('a reply racing a block: a refused reply writes no reply and queues no email', async () => {
    for (let round = 0; round < 3; round++) {
      const author = await signIn();
      const reviewer = await signIn();
      const draft = await postDraftOk(author, { reviewsWanted: 1 });
      const review = await json(await post(reviewer, `/api/v1/drafts/${draft.id}/reviews`, reviewOf()));
      const reply = () => post(reviewer, `/api/v1/reviews/${review.id}/replies`, { body: 'Thank you for reading' });
      const [first, , second] = await Promise.all([reply(), put(author, `/api/v1/me/blocks/${reviewer.member.id}`), reply()]);

      const written = [first!, second!].filter((r) => r.status === 201).length;
      for (const refused of [first!, second!].filter((r) => r.status !== 201)) await expectErrorShape(refused, 404, 'not_found');
      expect(await count('replies', 'review_id = ?', review.id)).toBe(written);
      expect(await count('email_outbox', "to_address = ? AND kind = 'reply_received'", author.email)).toBe(written);
    }
  });

  it('keeps the blocked writer’s drafts out of the new-drafts digest and followed-writer emails', async () => {
    const reader = await signIn(uniqueEmail('reader'));
    const writer = await signIn();
    await call('/api/v1/me', { method: 'PATCH', token: reader.token, body: { genres: ['horror'] } });
    await put(reader, `/api/v1/me/following/${writer.member.id}`);
    await put(writer, `/api/v1/me/blocks/${reader.member.id}`);
    await postDraftOk(writer, { genre: 'horror', title: 'Blocked Horror' });
    await runCron(Date.now() + 25 * 60 * 60 * 1000);
    const texts = (await rows<{ text_body: string }>("SELECT text_body FROM email_outbox WHERE to_address = ? AND kind <> 'sign_in'", reader.email)).map((r) => r.text_body);
    expect(texts.join('\n')).not.toContain('Blocked Horror');
  });
});
