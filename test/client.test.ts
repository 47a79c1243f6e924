import { describe, expect, it } from 'vitest';
import { createVolleyClient } from '../clients/typescript';
import { draftBody, expectLedgerInvariants, latestLinkToken, ORIGIN, reviewOf, send, uniqueEmail, uniqueIp } from './helpers';

/** The generated client, over the Worker's own fetch handler (and the document check every call gets). */
const client = (token?: string) => {
  const ip = uniqueIp();
  return createVolleyClient(ORIGIN, {
    token,
    fetch: (request: Request) => {
      request.headers.set('cf-connecting-ip', ip);
      return send(request);
    },
  });
};

async function signInWithClient() {
  const email = uniqueEmail('client');
  const anonymous = client();
  const link = await anonymous.POST('/auth/magic-link', { body: { email } });
  expect(link.response.status).toBe(202);
  const { data, error } = await anonymous.POST('/auth/session', { body: { token: await latestLinkToken(email) } });
  if (!data) throw new Error(JSON.stringify(error));
  return { token: data.token, member: data.member };
}

describe('the generated typed client', () => {
  it('signs in, posts a draft, claims it and reviews it, typed end to end', async () => {
    const author = await signInWithClient();
    const reviewer = await signInWithClient();
    expect(author.member.credits).toBe(3);

    const asAuthor = client(author.token);
    const posted = await asAuthor.POST('/drafts', { body: { title: 'Through the client', body: draftBody(), genre: 'essay', reviewsWanted: 1 } });
    expect(posted.response.status).toBe(201);
    const draft = posted.data!;

    const asReviewer = client(reviewer.token);
    const queue = await asReviewer.GET('/queue', { params: { query: { genre: 'essay' } } });
    expect(queue.data!.items.map((item) => item.id)).toContain(draft.id);

    const claim = await asReviewer.POST('/drafts/{id}/claims', { params: { path: { id: draft.id } } });
    expect(claim.response.status).toBe(201);
    expect(claim.data!.status).toBe('active');

    const review = await asReviewer.POST('/drafts/{id}/reviews', { params: { path: { id: draft.id } }, body: { ...reviewOf(), inline: [{ paragraph: 1, body: 'This turn lands.' }] } });
    expect(review.response.status).toBe(201);
    expect(review.data!.paid).toBe(draft.pricePerReview);

    const refused = await asReviewer.POST('/drafts/{id}/reviews', { params: { path: { id: draft.id } }, body: reviewOf() });
    expect(refused.response.status).toBe(409);
    expect(refused.error!.error.code).toBe('already_reviewed');

    const rated = await asAuthor.POST('/reviews/{id}/rating', { params: { path: { id: review.data!.id } }, body: { helpful: true } });
    expect(rated.data!.helpful).toBe(true);
    await expectLedgerInvariants();
  });

  it('works with a personal access token made through it', async () => {
    const member = await signInWithClient();
    const made = await client(member.token).POST('/me/tokens', { body: { name: 'client test', scope: 'read' } });
    const asToken = client(made.data!.token);
    expect((await asToken.GET('/me')).data!.id).toBe(member.member.id);
    const write = await asToken.PATCH('/me', { body: { name: 'Nope' } });
    expect(write.response.status).toBe(403);
    expect(write.error!.error.code).toBe('insufficient_scope');
  });
});
