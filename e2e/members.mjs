// Members for browser journeys that do not need to watch the sign-in itself: signed in through the API
// (magic link, dev mailbox, session) with the typed client, then handed to a browser context as the session cookie.
import { createVolleyClient } from '../clients/typescript/index.ts';

let signIns = 0;

/** A client address of its own for each sign-in, so the per-IP link limit never trips across journeys. */
const nextIp = () => `10.${process.pid % 250}.${Math.floor(signIns / 250) % 250}.${signIns++ % 250}`;

/** The typed client (clients/typescript) for `baseUrl`, as `member` when given, from client address `ip` when given. */
export function volley(baseUrl, { token, ip } = {}) {
  return createVolleyClient(baseUrl, { token, headers: ip ? { 'cf-connecting-ip': ip } : {} });
}

/**
 * One call through the typed client for a journey's set-up, with the path as
 * the journey already knows it (ids filled in); throws on anything but 2xx.
 */
export async function api(baseUrl, path, { token, body, method, ip } = {}) {
  const verb = (method ?? (body === undefined ? 'GET' : 'POST')).toLowerCase();
  return ok(volley(baseUrl, { token, ip }).request(verb, path, body === undefined ? {} : { body }));
}

/** The data of a client call; throws with the answer on anything but 2xx. */
export async function ok(call) {
  const { data, error, response } = await call;
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${JSON.stringify(error)}`);
  return data;
}

/** A member signed in by API (new unless `email` names one): `{ email, token, member, api }`; the token is also their session cookie, `api` their client. */
export async function signInByApi(baseUrl, label, email = `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`) {
  const anonymous = volley(baseUrl, { ip: nextIp() });
  await ok(anonymous.POST('/auth/magic-link', { body: { email } }));
  const mailbox = await (await fetch(`${baseUrl}/dev/mailbox.json`)).json();
  const token = mailbox.filter((m) => m.to === email).at(-1)?.text.match(/token=([a-z2-7]+)/)?.[1];
  if (!token) throw new Error(`no sign-in link for ${email}`);
  const session = await ok(anonymous.POST('/auth/session', { body: { token } }));
  return { email, token: session.token, member: session.member, api: volley(baseUrl, { token: session.token }) };
}

/** A browser context signed in as `member` (over http://127.0.0.1 the cookie has no __Host- prefix). */
export async function contextFor(browser, baseUrl, member, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, ...options });
  if (member) {
    await context.addCookies([{ name: 'volley_session', value: member.token, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  }
  return context;
}

const remarks = [
  'the voice is steady and the images earn their place',
  'the middle could move faster without losing its mood',
  'dialogue carries character well, especially in quarrels',
  'setting details feel researched rather than decorative',
  'pacing slackens whenever backstory interrupts present action',
  'your narrator sounds wry, which suits this genre',
  'consider trimming adverbs so verbs do more work',
  'secondary figures blur together; give each one gesture',
  'tension rises nicely toward that final reveal',
  'some metaphors stack too closely, crowding readers',
  'openings hook quickly through concrete sensory cues',
  'transitions between scenes need clearer time markers',
  'emotional beats land because you underplay them',
  'stakes remain vague until halfway; state them sooner',
  'endings resonate when an image echoes earlier motifs',
  'grammar is clean, though punctuation occasionally distracts',
];

/**
 * A review body of at least 150 words (about 19 a sentence) in varied words of the reviewer's own, as the
 * review rules ask (at least 75 distinct words).
 */
export const longReview = (lead = '', sentences = 16) =>
  `${lead}${lead ? '\n\n' : ''}${Array.from({ length: sentences }, (_, i) => `Point ${i + 1}: ${remarks[i % remarks.length]}, and ${remarks[(i + 5) % remarks.length]}.`).join(' ')}`;
