import fc from 'fast-check';
import type { z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { MagicLinkRequestSchema, SessionRequestSchema } from '../src/auth/schemas';
import { PostDraftSchema } from '../src/drafts/schemas';
import { PasskeyAssertionSchema, PasskeyRegistrationSchema } from '../src/passkeys/schemas';
import { DeleteAccountSchema, MemberSchema, UpdateMemberSchema } from '../src/members/schemas';
import { RatingSchema, ReplyInputSchema, SubmitReviewSchema } from '../src/reviews/schemas';
import { call, postDraftOk, reviewOf, rows, signIn } from './helpers';

const RUNS = 40;

const TABLES = ['members', 'sessions', 'login_tokens', 'drafts', 'claims', 'reviews', 'inline_comments', 'replies', 'transfers', 'email_outbox', 'suppressions', 'webhook_events'];

/** Row counts of every table a write could touch, plus the ledger's balances. */
async function snapshot() {
  const [row] = await rows(
    `SELECT ${TABLES.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')},
       (SELECT group_concat(id || ':' || balance) FROM (SELECT id, balance FROM accounts ORDER BY id)) AS balances,
       (SELECT group_concat(id || ':' || name || ':' || notify_reviews || ':' || genres) FROM (SELECT * FROM members ORDER BY id)) AS profiles`,
  );
  return row;
}

/** Text that breaks naive code: RTL marks, zero-width joiners, lone surrogates, NUL, huge strings. */
const nastyString = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.constantFrom('\u202e', '\u200d\u200d', '\ud800', '\udfff', '\u0000', 'a\u0000b', '﻿', '\u2028', '𝕍𝕠𝕝𝕝𝕖𝕪', '<script>alert(1)</script>', "'; DROP TABLE members; --"),
  fc.string({ minLength: 300_000, maxLength: 300_001 }).map((s) => s.slice(0, 10) + 'x'.repeat(300_000)),
);

const deep = (depth: number) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { nested: value };
  return value;
};

/** Any JSON value, biased toward the shapes our endpoints take but with the wrong types inside. */
const jsonInput = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(fc.constantFrom('email', 'token', 'title', 'body', 'genre', 'reviewsWanted', 'note', 'inline', 'helpful', 'name', 'genres', 'notifications', 'confirmEmail'), fc.oneof(fc.jsonValue(), nastyString)),
  fc.constantFrom(deep(5000), [deep(100)], { inline: Array.from({ length: 1000 }, () => ({ paragraph: -1 })) }),
);

/** Bodies that are not (quite) JSON, including numbers JSON.stringify cannot write. */
const rawInput = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '{"title":',
    'null',
    '[]',
    '{"reviewsWanted": 1e309}',
    '{"reviewsWanted": -0}',
    '{"reviewsWanted": 9007199254740993}',
    '{"paragraph": 1e309, "body": "x"}',
    '{"helpful": "true"}',
    '\u0000\u0000',
    '{"email": "\\ud800@example.com"}',
  ),
  fc.string().map((s) => `{"title":"${s}`),
);

/**
 * `accepts`: the request shape a 2xx answer must have come from (none: no
 * arbitrary body can be right). `changed`: for an accepted body, what the
 * answer must then show.
 */
type Endpoint = {
  method: string;
  path: (ids: Ids) => string;
  auth: 'author' | 'reviewer' | 'none';
  accepts?: z.ZodType;
  changed?: (input: any, answer: unknown) => void;
};
type Ids = { draft: string; review: string };

const endpoints: Endpoint[] = [
  { method: 'POST', path: () => '/api/v1/auth/magic-link', auth: 'none', accepts: MagicLinkRequestSchema },
  { method: 'POST', path: () => '/api/v1/auth/session', auth: 'none', accepts: SessionRequestSchema },
  { method: 'POST', path: () => '/api/v1/auth/passkeys', auth: 'author', accepts: PasskeyRegistrationSchema },
  { method: 'POST', path: () => '/api/v1/auth/passkeys/authenticate', auth: 'none', accepts: PasskeyAssertionSchema },
  { method: 'POST', path: () => '/api/v1/drafts', auth: 'author', accepts: PostDraftSchema },
  {
    method: 'PATCH',
    path: () => '/api/v1/me',
    auth: 'author',
    accepts: UpdateMemberSchema,
    // What was sent is what the member now is; what was left out stays as it was.
    changed: (input, answer) => {
      const member = MemberSchema.parse(answer);
      if (input.name !== undefined) expect(member.name).toBe(input.name);
      if (input.genres !== undefined) expect([...member.genres].sort()).toEqual([...new Set(input.genres as string[])].sort());
      expect(member.notifications).toMatchObject(input.notifications ?? {});
    },
  },
  { method: 'DELETE', path: () => '/api/v1/me', auth: 'author', accepts: DeleteAccountSchema },
  { method: 'POST', path: (ids) => `/api/v1/drafts/${ids.draft}/reviews`, auth: 'reviewer', accepts: SubmitReviewSchema },
  { method: 'POST', path: (ids) => `/api/v1/reviews/${ids.review}/rating`, auth: 'author', accepts: RatingSchema },
  { method: 'POST', path: (ids) => `/api/v1/reviews/${ids.review}/replies`, auth: 'author', accepts: ReplyInputSchema },
  { method: 'POST', path: () => '/api/v1/webhooks/resend', auth: 'none' },
];

async function expectRefusedCleanly(response: Response, before: unknown) {
  expect(response.status, `got ${response.status}`).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
  expect(typeof body.error?.code).toBe('string');
  expect(typeof body.error?.message).toBe('string');
  expect(await snapshot()).toEqual(before);
}

describe('fuzzing every JSON endpoint', () => {
  for (const endpoint of endpoints) {
    it(`${endpoint.method} ${endpoint.path({ draft: ':id', review: ':id' })}: arbitrary input is a clean 4xx that writes nothing, or valid by the endpoint’s schema and does what it asked`, async () => {
      const author = await signIn();
      const reviewer = await signIn();
      const draft = await postDraftOk(author, { reviewsWanted: 2 });
      const review = (await (await call(`/api/v1/drafts/${draft.id}/reviews`, { token: reviewer.token, body: reviewOf() })).json()) as { id: string };
      const ids = { draft: draft.id, review: review.id };
      const token = endpoint.auth === 'author' ? author.token : endpoint.auth === 'reviewer' ? (await signIn()).token : undefined;
      const send = (rawBody: string, contentType = 'application/json') =>
        call(endpoint.path(ids), { method: endpoint.method, token, rawBody, headers: { 'content-type': contentType } });

      await fc.assert(
        fc.asyncProperty(fc.oneof(jsonInput.map((v) => JSON.stringify(v)), rawInput), async (body) => {
          const before = await snapshot();
          const response = await send(body);
          // An arbitrary value can happen to be valid (e.g. {} for PATCH /me): then it must be valid by the
          // endpoint's own schema, and the answer must show what it asked for.
          if (response.status < 400) {
            expect(response.status).toBeLessThan(300);
            expect(endpoint.accepts, `${endpoint.method} accepted ${body}`).toBeDefined();
            const input = endpoint.accepts!.safeParse(JSON.parse(body));
            expect(input.success, `accepted ${body}`).toBe(true);
            endpoint.changed?.(input.data, await response.json());
            return;
          }
          await expectRefusedCleanly(response, before);
        }),
        { numRuns: RUNS },
      );

      for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']) {
        const before = await snapshot();
        const response = await call(endpoint.path(ids), {
          method: endpoint.method,
          token,
          rawBody: 'email=a%40b.co&title=x',
          headers: { 'content-type': contentType, origin: 'https://volley.test' },
        });
        await expectRefusedCleanly(response, before);
      }
    }, 120_000);
  }
});
