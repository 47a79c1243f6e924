import { describe, expect, it } from 'vitest';
import { config } from '../src/config';
import { call, count, grantCredits, json, postDraft, postDraftOk, rows, runCron, signIn } from './helpers';

const rowsRead = (response: Response) => Number(/d1-rows-read;desc="?(\d+)/.exec(response.headers.get('server-timing') ?? '')![1]);

describe('content notes', () => {
  it('a draft carries its notes, shown by the API and before the text on its page and queue card', async () => {
    const author = await signIn();
    const reader = await signIn();
    const draft = await postDraftOk(author, { title: 'Noted', contentNotes: ['violence', 'death'] } as never);
    expect(draft.contentNotes).toEqual(['violence', 'death']);
    const [row] = await rows<{ content_notes: number }>('SELECT content_notes FROM drafts WHERE id = ?', draft.id);
    expect(row!.content_notes).toBe(0b1 | (1 << config.safety.contentNotes.indexOf('death')));
    const page = await (await call(`/drafts/${draft.id}`, { cookie: `__Host-volley_session=${reader.token}` })).text();
    expect(page.indexOf('Content notes:')).toBeGreaterThan(-1);
    expect(page.indexOf('Content notes:')).toBeLessThan(page.indexOf('class="manuscript'));
    const queue = await json<{ items: { id: string; contentNotes: string[] }[] }>(await call('/api/v1/queue', { token: reader.token }));
    expect(queue.items.find((i) => i.id === draft.id)?.contentNotes).toEqual(['violence', 'death']);
  });

  it('an unknown note is a 400 naming the field, and nothing is written', async () => {
    const author = await signIn();
    const response = await postDraft(author, { contentNotes: ['gore'] } as never);
    const body = await json<{ error: { code: string; fields: Record<string, string> } }>(response);
    expect(response.status).toBe(400);
    expect(Object.keys(body.error.fields).some((f) => f.startsWith('contentNotes'))).toBe(true);
    expect(await count('drafts', 'author_id = ?', author.member.id)).toBe(0);
    const patch = await call('/api/v1/me', { method: 'PATCH', token: author.token, body: { hiddenContentNotes: ['gore'] } });
    expect(patch.status).toBe(400);
  });

  it('hidden notes keep drafts carrying any of them out of the member’s queue and new-drafts digest', async () => {
    const author = await signIn();
    const reader = await signIn();
    const hidden = await postDraftOk(author, { title: 'Hidden one', genre: 'horror', contentNotes: ['self-harm', 'abuse'] } as never);
    const shown = await postDraftOk((await signIn()), { title: 'Shown one', genre: 'horror', contentNotes: ['violence'] } as never);
    const patched = await call('/api/v1/me', { method: 'PATCH', token: reader.token, body: { hiddenContentNotes: ['abuse'], genres: ['horror'] } });
    expect((await json<{ hiddenContentNotes: string[] }>(patched)).hiddenContentNotes).toEqual(['abuse']);
    const queue = await json<{ items: { id: string }[] }>(await call('/api/v1/queue?genre=horror', { token: reader.token }));
    const ids = queue.items.map((i) => i.id);
    expect(ids).toContain(shown.id);
    expect(ids).not.toContain(hidden.id);

    await runCron(Date.now() + 60_000);
    const [digest] = await rows<{ text_body: string }>(`SELECT text_body FROM email_outbox WHERE member_id = ? AND kind = 'drafts_digest'`, reader.member.id);
    expect(digest!.text_body).toContain('Shown one');
    expect(digest!.text_body).toContain('content notes: violence');
    expect(digest!.text_body).not.toContain('Hidden one');
  });

  it('with hidden notes set, the queue reads the same rows however many more drafts are posted', async () => {
    const reader = await signIn();
    await call('/api/v1/me', { method: 'PATCH', token: reader.token, body: { hiddenContentNotes: ['suicide', 'strong-language'] } });
    // Two authors: each stays under the write limit of a minute.
    const authors = [await signIn(), await signIn()];
    for (const a of authors) await grantCredits(a.member.id, 200);
    const post = (i: number) => postDraftOk(authors[i < 100 ? 0 : 1]!, { title: `Bulk ${i}`, contentNotes: i % 3 === 0 ? ['suicide'] : [] } as never);
    // Enough that the first page (and the one row past it) is full before the later drafts arrive, a third of them hidden.
    for (let i = 0; i < config.pagination.pageSize * 2; i++) await post(i);
    const before = rowsRead(await call('/api/v1/queue', { token: reader.token }));
    for (let i = 0; i < 30; i++) await post(100 + i);
    const after = rowsRead(await call('/api/v1/queue', { token: reader.token }));
    expect(after).toBe(before);
  });
});
