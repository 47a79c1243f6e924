import { describe, expect, it } from 'vitest';
import { apiContract, call, ORIGIN, signIn } from './helpers';

/** The checker every suite's calls go through (test/helpers.ts `send`), shown to catch drift. */
describe('every API answer is held to the OpenAPI document', () => {
  const me = async () => {
    const member = await signIn();
    const response = await call('/api/v1/me', { token: member.token });
    return (await response.json()) as Record<string, unknown>;
  };
  const check = async (method: string, path: string, status: number, body: unknown, contentType = 'application/json') =>
    (await apiContract()).check(
      new Request(`${ORIGIN}${path}`, { method }),
      new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': contentType } }),
    );

  it('passes a real answer as it is', async () => {
    await expect(check('GET', '/api/v1/me', 200, await me())).resolves.toBeUndefined();
  });

  it('fails a field left out, renamed, added or of the wrong type, naming the operation and the field', async () => {
    const { email, ...withoutEmail } = await me();
    await expect(check('GET', '/api/v1/me', 200, withoutEmail)).rejects.toThrow(/GET \/me \(getMe\) answered 200: \(body\) must have required property 'email'/);
    await expect(check('GET', '/api/v1/me', 200, { ...withoutEmail, mail: email })).rejects.toThrow(/must NOT have additional properties \(mail\)/);
    await expect(check('GET', '/api/v1/me', 200, { ...(await me()), karma: 3 })).rejects.toThrow(/\(karma\)/);
    await expect(check('GET', '/api/v1/me', 200, { ...(await me()), credits: '3' })).rejects.toThrow(/\/credits must be integer/);
    await expect(check('GET', '/api/v1/me', 200, { ...(await me()), notifications: { reviews: 'weekly' } })).rejects.toThrow(/\/notifications/);
  });

  it('fails a status the operation does not document, and an error in another shape', async () => {
    await expect(check('GET', '/api/v1/queue', 418, { error: { code: 'teapot', message: 'No.' } })).rejects.toThrow(/listQueue\) answered 418, a status the document does not give/);
    await expect(check('GET', '/api/v1/queue', 500, { error: { code: 'internal_error', message: 'x' } })).rejects.toThrow(/answered 500/);
    await expect(check('POST', '/api/v1/drafts/abc/claims', 404, { message: 'not found' })).rejects.toThrow(/claimDraft\) answered 404: \(body\) must have required property 'error'/);
  });

  it('fails a body that is not the JSON the document gives', async () => {
    await expect(check('GET', '/api/v1/health', 200, '<p>ok</p>', 'text/html')).rejects.toThrow(/getHealth\) answered 200 with text\/html/);
  });

  it('leaves alone what is not an API operation', async () => {
    await expect(check('GET', '/dashboard', 200, '<html></html>', 'text/html')).resolves.toBeUndefined();
    await expect(check('GET', '/api/v1/no-such-thing', 404, { error: { code: 'not_found', message: 'x' } })).resolves.toBeUndefined();
  });
});
