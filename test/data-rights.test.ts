import { describe, expect, it } from 'vitest';
import { FORMER_MEMBER_NAME } from '../src/members/delete-account';
import { balance, call, count, expectErrorShape, expectLedgerInvariants, ORIGIN, postDraftOk, reviewOf, rows, signIn } from './helpers';

describe('export', () => {
  it('gives the member everything they wrote and own, as a JSON download', async () => {
    const author = await signIn();
    const reviewer = await signIn();
    const draft = await postDraftOk(author, { title: 'Export me' });
    const reviewed = await call(`/api/v1/drafts/${draft.id}/reviews`, { token: reviewer.token, body: reviewOf() });
    const review = (await reviewed.json()) as { id: string };
    await call(`/api/v1/reviews/${review.id}/replies`, { token: author.token, body: { body: 'Thanks!' } });

    const response = await call('/api/v1/me/export', { token: author.token });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="volley-export-/);
    const data = (await response.json()) as Record<string, Array<Record<string, unknown>>> & { profile: { email: string } };
    expect(data.profile.email).toBe(author.email);
    expect(data.drafts!.map((d) => d.title)).toEqual(['Export me']);
    expect(data.drafts![0]!.body).toBeTruthy();
    expect(data.reviewsReceived!.map((r) => r.id)).toEqual([review.id]);
    expect(data.replies!.map((r) => r.body)).toEqual(['Thanks!']);
    expect(data.ledger!.map((e) => e.reason)).toEqual(['welcome', 'post_draft']);

    const theirs = (await (await call('/api/v1/me/export', { token: reviewer.token })).json()) as Record<string, Array<{ id: string }>>;
    expect(theirs.reviewsWritten!.map((r) => r.id)).toEqual([review.id]);
    expect(theirs.drafts).toEqual([]);
  });

  it('includes whom the member follows and blocks, how many follow them, and the invitations they sent and received', async () => {
    const member = await signIn();
    const followed = await signIn();
    const blocked = await signIn();
    const follower = await signIn();
    const invitee = await signIn();
    const inviter = await signIn();
    const as = (who: { token: string }, method: string, path: string, body?: unknown) => call(path, { method, token: who.token, body });
    expect((await as(member, 'PUT', `/api/v1/me/following/${followed.member.id}`)).status).toBe(200);
    expect((await as(member, 'PUT', `/api/v1/me/blocks/${blocked.member.id}`)).status).toBe(200);
    expect((await as(follower, 'PUT', `/api/v1/me/following/${member.member.id}`)).status).toBe(200);
    // A block against the member is the blocker's, not theirs.
    expect((await as(blocked, 'PUT', `/api/v1/me/blocks/${follower.member.id}`)).status).toBe(200);
    const own = await postDraftOk(member, { title: 'Invite them', reviewsWanted: 1 });
    const sent = (await (await as(member, 'POST', `/api/v1/drafts/${own.id}/invitations`, { memberId: invitee.member.id })).json()) as { id: string };
    const theirs = await postDraftOk(inviter, { title: 'Invited here', reviewsWanted: 1 });
    const received = (await (await as(inviter, 'POST', `/api/v1/drafts/${theirs.id}/invitations`, { memberId: member.member.id })).json()) as { id: string };

    const data = (await (await call('/api/v1/me/export', { token: member.token })).json()) as Record<string, unknown>;
    expect(data.following).toEqual([{ member: { id: followed.member.id, name: followed.member.name }, bio: '', since: expect.any(String) }]);
    expect(data.followerCount).toBe(1);
    expect(data.blocks).toEqual([{ member: { id: blocked.member.id, name: blocked.member.name }, bio: '', since: expect.any(String) }]);
    expect(data.invitationsSent).toMatchObject([
      { id: sent.id, draft: { id: own.id, title: 'Invite them' }, member: { id: invitee.member.id }, invitedBy: { id: member.member.id }, status: 'pending' },
    ]);
    expect(data.invitationsReceived).toMatchObject([
      { id: received.id, draft: { id: theirs.id, title: 'Invited here' }, member: { id: member.member.id }, invitedBy: { id: inviter.member.id }, status: 'pending' },
    ]);
    // Nobody else's follows or blocks come with it.
    expect(JSON.stringify(data)).not.toContain(follower.member.id);
  });

  it('is for the signed-in member only', async () => {
    await expectErrorShape(await call('/api/v1/me/export'), 401);
  });
});

describe('account deletion', () => {
  it('needs the address typed out, and changes nothing without it', async () => {
    const member = await signIn();
    const error = await expectErrorShape(
      await call('/api/v1/me', { method: 'DELETE', token: member.token, body: { confirmEmail: 'someone@else.example' } }),
      400,
      'validation_failed',
    );
    expect(error.fields?.confirmEmail).toBeTruthy();
    expect((await call('/api/v1/me', { token: member.token })).status).toBe(200);
  });

  it('withdraws and erases drafts, keeps reviews written as by a former member, ends sessions, erases the address, and the books still balance', async () => {
    const leaver = await signIn();
    const author = await signIn();
    const reviewer = await signIn();
    // The leaver posts a draft that gets one review and has one live claim, and reviews someone else's draft.
    const own = await postDraftOk(leaver, { title: 'My private draft', reviewsWanted: 2 });
    await call(`/api/v1/drafts/${own.id}/reviews`, { token: reviewer.token, body: reviewOf() });
    const theirs = await postDraftOk(author, { title: 'Their draft', reviewsWanted: 2 });
    const written = (await (await call(`/api/v1/drafts/${theirs.id}/reviews`, { token: leaver.token, body: reviewOf() })).json()) as { id: string };
    const other = await signIn();
    const claimed = await postDraftOk(other, { title: 'Claimed', reviewsWanted: 1 });
    await call(`/api/v1/drafts/${claimed.id}/claims`, { method: 'POST', token: leaver.token });

    const response = await call('/api/v1/me', { method: 'DELETE', token: leaver.token, body: { confirmEmail: leaver.email } });
    expect(response.status).toBe(200);

    await expectErrorShape(await call('/api/v1/me', { token: leaver.token }), 401);
    expect(await count('members', 'email = ?', leaver.email)).toBe(0);
    expect(await count('sessions', 'member_id = ?', leaver.member.id)).toBe(0);
    expect(await rows('SELECT title, body, status, paragraphs_html, excerpt FROM drafts WHERE id = ?', own.id)).toEqual([
      { title: '[deleted]', body: '', status: 'withdrawn', paragraphs_html: '[]', excerpt: '' },
    ]);
    expect(await balance(leaver.member.id)).toBe(0);
    expect(await balance(own.id)).toBe(0);
    // The claimed slot is free again.
    expect(await rows("SELECT status FROM claims WHERE draft_id = ?", claimed.id)).toEqual([{ status: 'released' }]);

    const reviews = (await (await call(`/api/v1/drafts/${theirs.id}/reviews`, { token: author.token })).json()) as { items: Array<{ id: string; reviewer: { name: string } }> };
    expect(reviews.items.find((r) => r.id === written.id)?.reviewer.name).toBe(FORMER_MEMBER_NAME);
    await expectLedgerInvariants();
  });

  it('blanks the quotes inline comments took from the deleted drafts, and deletes the email that names the member', async () => {
    const leaver = await signIn();
    const reviewer = await signIn();
    const draft = await postDraftOk(leaver, { title: 'Quoted', body: 'The secret first paragraph of mine.\n\nA second one.', reviewsWanted: 2 });
    const reviewed = await call(`/api/v1/drafts/${draft.id}/reviews`, {
      token: reviewer.token,
      body: reviewOf({ inline: [{ paragraph: 0, quote: 'secret first paragraph', body: 'Strong start.' }] }),
    });
    expect(reviewed.status).toBe(201);
    const review = (await reviewed.json()) as { id: string };
    // The leaver replies, so the reviewer gets an email naming them.
    expect((await call(`/api/v1/reviews/${review.id}/replies`, { token: leaver.token, body: { body: 'Thanks a lot.' } })).status).toBe(201);
    const [leaverName] = await rows<{ name: string }>('SELECT name FROM members WHERE id = ?', leaver.member.id);
    expect(await count('email_outbox', "to_address = ? AND kind = 'reply_received'", reviewer.email)).toBe(1);

    expect((await call('/api/v1/me', { method: 'DELETE', token: leaver.token, body: { confirmEmail: leaver.email } })).status).toBe(200);
    expect(await rows('SELECT quote, body FROM inline_comments WHERE review_id = ?', review.id)).toEqual([{ quote: '', body: 'Strong start.' }]);
    expect(await count('email_outbox', 'to_address = ? OR member_id = ?', leaver.email, leaver.member.id)).toBe(0);
    expect(await count("email_outbox", "instr(text_body, char(10) || ? || ' ') > 0", leaverName!.name)).toBe(0);
    expect(await count("email_outbox", "to_address = ? AND kind = 'reply_received'", reviewer.email)).toBe(0);
    expect(await count('email_outbox', "instr(text_body, 'secret first paragraph') > 0")).toBe(0);
  });

  it('has a confirmation step on the settings page', async () => {
    const member = await signIn();
    const cookie = `__Host-volley_session=${member.token}`;
    const page = await call('/settings/delete', { cookie });
    expect(await page.text()).toContain('Type your email address');
    const wrong = await call('/settings/delete', {
      method: 'POST',
      cookie,
      rawBody: 'confirmEmail=wrong%40example.com',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
    });
    expect(wrong.status).toBe(400);
    expect((await call('/api/v1/me', { token: member.token })).status).toBe(200);
    const right = await call('/settings/delete', {
      method: 'POST',
      cookie,
      rawBody: new URLSearchParams({ confirmEmail: member.email }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
    });
    expect(await right.text()).toContain('Your account is deleted');
    expect((await call('/api/v1/me', { token: member.token })).status).toBe(401);
  });
});
