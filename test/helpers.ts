import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { config } from '../src/config';
import worker from '../src/index';
import { TEST_CLOCK_HEADER } from '../src/lib/clock';
import { ApiContract } from './api-contract';
import { sha256Hex } from '../src/lib/ids';

export const ORIGIN = 'https://volley.test';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A fresh address per test: storage is shared by every test in a file. */
export const uniqueEmail = (label = 'writer') => `${label}-${unique()}@example.com`;

/** A fresh client address, so per-IP rate limits of one test never touch another. */
export const uniqueIp = () => `10.${counter % 250}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

type CallOptions = {
  method?: string;
  body?: unknown;
  rawBody?: BodyInit;
  token?: string;
  cookie?: string;
  headers?: Record<string, string>;
  now?: number;
  ip?: string;
  /** Bindings to change for this call only (e.g. switching Turnstile on). */
  env?: Partial<typeof env>;
};

/**
 * One HTTP call to the Worker, the way a client would make it, through its own
 * fetch handler with a fresh ExecutionContext (waited on, so work after the
 * response, like email delivery, is done when this returns). Not SELF.fetch:
 * in this vitest-pool-workers each SELF call costs more than the one before.
 */
export async function call(path: string, options: CallOptions = {}): Promise<Response> {
  const headers = new Headers(options.headers);
  if (options.body !== undefined) headers.set('content-type', 'application/json');
  if (options.token) headers.set('authorization', `Bearer ${options.token}`);
  if (options.cookie) headers.set('cookie', options.cookie);
  if (options.now) headers.set(TEST_CLOCK_HEADER, String(options.now));
  headers.set('cf-connecting-ip', options.ip ?? uniqueIp());
  const request = new Request(`${ORIGIN}${path}`, {
    method: options.method ?? (options.body !== undefined || options.rawBody !== undefined ? 'POST' : 'GET'),
    headers,
    body: options.rawBody ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
  });
  return send(request, options.env);
}

/** The request through the Worker; every API answer is checked against the OpenAPI document on the way back. */
export async function send(request: Request, bindings?: Partial<typeof env>): Promise<Response> {
  const response = await fetchWorker(request, bindings);
  await (await apiContract()).check(request, response);
  return response;
}

async function fetchWorker(request: Request, bindings?: Partial<typeof env>): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await worker.fetch!(request as Request<unknown, IncomingRequestCfProperties>, { ...env, ...bindings }, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

let contract: Promise<ApiContract> | undefined;

/** The document the app serves, read once per test file. */
export function apiContract(): Promise<ApiContract> {
  contract ??= fetchWorker(new Request(`${ORIGIN}/api/v1/openapi.json`)).then(async (r) => new ApiContract(await r.json()));
  return contract;
}

export type MailboxEmail = { id: string; to: string; subject: string; text: string; html: string; headers: Record<string, string>; createdAt: string };

export async function mailbox(): Promise<MailboxEmail[]> {
  const response = await call('/dev/mailbox.json');
  return (await response.json()) as MailboxEmail[];
}

/** The token from the newest sign-in link emailed to `email`. */
export async function latestLinkToken(email: string): Promise<string> {
  // The dev mailbox holds every email of the file; the sign-in email's own row is one indexed read away.
  const [last] = await rows<{ text: string }>(
    `SELECT text FROM dev_mailbox WHERE "to" = ? ORDER BY seq DESC LIMIT 1`,
    email.trim().toLowerCase(),
  );
  const token = last?.text.match(/token=([a-z2-7]+)/)?.[1];
  if (!token) throw new Error(`no sign-in link emailed to ${email}`);
  return token;
}

/** The code from the newest sign-in email to `email`. */
export async function latestSignInCode(email: string): Promise<string> {
  const [last] = await rows<{ text: string }>(`SELECT text FROM dev_mailbox WHERE "to" = ? ORDER BY seq DESC LIMIT 1`, email.trim().toLowerCase());
  const code = last?.text.match(new RegExp(`^\\s+(\\d{${config.auth.codeDigits}})$`, 'm'))?.[1];
  if (!code) throw new Error(`no sign-in code emailed to ${email}`);
  return code;
}

export async function requestLink(email: string, options: CallOptions = {}) {
  return call('/api/v1/auth/magic-link', { ...options, body: { email } });
}

export type SignedInMember = { token: string; member: { id: string; email: string; name: string }; email: string };

/** A signed-in member in one line, through the real magic-link flow. */
export async function signIn(email = uniqueEmail()): Promise<SignedInMember> {
  const requested = await requestLink(email);
  if (requested.status !== 202) throw new Error(`magic link: ${requested.status} ${await requested.text()}`);
  const response = await call('/api/v1/auth/session', { body: { token: await latestLinkToken(email) } });
  if (response.status !== 200) throw new Error(`session: ${response.status} ${await response.text()}`);
  const session = (await response.json()) as { token: string; member: SignedInMember['member'] };
  return { ...session, email };
}

/** The session cookie a browser of `member` sends, for page requests. */
export const cookieOf = (member: { token: string }) => `__Host-volley_session=${member.token}`;

/** Rows straight from the database, to check what a request wrote. */
export async function rows<T = Record<string, unknown>>(query: string, ...params: unknown[]): Promise<T[]> {
  const result = await env.DB.prepare(query).bind(...params).all<T>();
  return result.results;
}

export async function count(table: string, where = '1 = 1', ...params: unknown[]): Promise<number> {
  const [row] = await rows<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, ...params);
  return row?.n ?? 0;
}

export async function expectErrorShape(response: Response, status: number, code?: string) {
  const body = (await response.json()) as { error: { code: string; message: string; fields?: Record<string, string> } };
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(body)}`);
  if (typeof body.error?.code !== 'string' || typeof body.error.message !== 'string') {
    throw new Error(`not the error shape: ${JSON.stringify(body)}`);
  }
  if (code && body.error.code !== code) throw new Error(`expected code ${code}, got ${body.error.code}`);
  return body.error;
}

/** Distinct words, so texts are easy to tell apart in failures. */
export function words(count: number, seed = 'word'): string {
  return Array.from({ length: count }, (_, i) => `${seed}${i}`).join(' ');
}

/** A draft body of `paragraphs` paragraphs with `wordsEach` words each. */
export function draftBody(paragraphs = 3, wordsEach = 40): string {
  return Array.from({ length: paragraphs }, (_, p) => words(wordsEach, `p${p}w`)).join('\n\n');
}

export type DraftInput = { title?: string; body?: string; genre?: string; reviewsWanted?: number; note?: string };

export async function postDraft(author: SignedInMember, input: DraftInput = {}, options: CallOptions = {}) {
  return call('/api/v1/drafts', {
    ...options,
    token: author.token,
    body: { title: 'A draft', body: draftBody(), genre: 'fiction', reviewsWanted: 1, ...input },
  });
}

export async function postDraftOk(author: SignedInMember, input: DraftInput = {}) {
  const response = await postDraft(author, input);
  if (response.status !== 201) throw new Error(`post draft: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; pricePerReview: number; reviewsWanted: number; [k: string]: unknown };
}

/** A review long enough to be accepted. */
export const reviewOf = (extra: object = {}) => ({ body: words(160, 'rev'), inline: [], ...extra });

export async function balance(memberId: string): Promise<number> {
  const [row] = await rows<{ balance: number }>('SELECT balance FROM accounts WHERE id = ?', memberId);
  return row?.balance ?? 0;
}

/** The ledger's invariants, checked over the whole database. */
export async function expectLedgerInvariants() {
  const [sums] = await rows<{ total: number; minted: number; negative: number }>(
    `SELECT (SELECT sum(balance) FROM accounts) AS total,
            (SELECT -balance FROM accounts WHERE id = 'mint') AS minted,
            (SELECT count(*) FROM accounts WHERE kind <> 'mint' AND balance < 0) AS negative`,
  );
  if (sums!.total !== 0) throw new Error(`balances sum to ${sums!.total}, not 0`);
  if (sums!.negative !== 0) throw new Error(`${sums!.negative} accounts are negative`);
  const drift = await rows(
    `SELECT a.id, a.balance,
       coalesce((SELECT sum(amount) FROM transfers WHERE to_account = a.id), 0)
       - coalesce((SELECT sum(amount) FROM transfers WHERE from_account = a.id), 0) AS entries
     FROM accounts a WHERE a.id <> 'mint'`,
  );
  const off = drift.filter((r) => r.balance !== r.entries);
  if (off.length) throw new Error(`balances differ from entries: ${JSON.stringify(off.slice(0, 3))}`);
  // A review a moderator removed no longer counts: its slot reopened.
  const over = await rows('SELECT id FROM drafts WHERE reviews_received > reviews_wanted OR (SELECT count(*) FROM reviews r WHERE r.draft_id = drafts.id AND r.removed_at IS NULL) <> reviews_received');
  if (over.length) throw new Error(`drafts with wrong review counts: ${JSON.stringify(over)}`);
  const doublePaid = await rows(`SELECT review_id FROM transfers WHERE reason = 'review_paid' GROUP BY review_id HAVING count(*) > 1`);
  if (doublePaid.length) throw new Error('a review was paid twice');
  return sums!;
}

/** Credits for a member beyond the welcome grant, as an 'adjustment' from the mint (a test needing many posts). */
export async function grantCredits(memberId: string, amount: number) {
  const id = crypto.randomUUID();
  await env.DB.prepare(
    `INSERT INTO transfers (id, from_account, to_account, amount, reason, reason_key, created_at)
     VALUES (?, 'mint', ?, ?, 'adjustment', ?, ?)`,
  )
    .bind(id, memberId, amount, `adjustment:test:${id}`, Date.now())
    .run();
}

/** Runs the Worker's cron as Cloudflare would, at `scheduledTime` (ms). */
export async function runCron(scheduledTime: number) {
  const { createExecutionContext, createScheduledController, waitOnExecutionContext } = await import('cloudflare:test');
  const { default: worker } = await import('../src/index');
  const ctx = createExecutionContext();
  const scheduled = worker.scheduled as ExportedHandlerScheduledHandler<typeof env>;
  await scheduled(createScheduledController({ scheduledTime, cron: '* * * * *' }), env, ctx);
  await waitOnExecutionContext(ctx);
}

/** The response body as JSON, typed by the caller. */
export async function json<T = Record<string, any>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** An admin session without the sign-in flow: the admin address would hit its 5-links-a-minute limit here. */
export async function adminSession() {
  const email = 'admin@volley.test';
  const token = crypto.randomUUID();
  const now = Date.now();
  const [member] = (await env.DB.prepare('SELECT id FROM members WHERE email = ?').bind(email).all<{ id: string }>()).results;
  const id = member?.id ?? (await signIn(email)).member.id;
  await env.DB.prepare('INSERT INTO sessions (id, token_hash, member_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)')
    .bind(crypto.randomUUID(), await sha256Hex(token), id, now, now + config.auth.sessionLifetimeMs)
    .run();
  return { token, email };
}

