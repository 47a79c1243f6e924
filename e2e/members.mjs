// Members for browser journeys that do not need to watch the sign-in itself: signed in through the API
// (magic link, dev mailbox, session), then handed to a browser context as the session cookie.

let signIns = 0;

/** A client address of its own for each sign-in, so the per-IP link limit never trips across journeys. */
const nextIp = () => `10.${process.pid % 250}.${Math.floor(signIns / 250) % 250}.${signIns++ % 250}`;

/** One JSON call to the API; throws with the answer on anything but 2xx. */
export async function api(baseUrl, path, { token, body, method, ip } = {}) {
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (ip) headers['cf-connecting-ip'] = ip;
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method: method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method ?? 'POST'} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** A member signed in by API (new unless `email` names one): `{ email, token, member }`; the token is also their session cookie. */
export async function signInByApi(baseUrl, label, email = `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`) {
  const ip = nextIp();
  await api(baseUrl, '/auth/magic-link', { body: { email }, ip });
  const mailbox = await (await fetch(`${baseUrl}/dev/mailbox.json`)).json();
  const token = mailbox.filter((m) => m.to === email).at(-1)?.text.match(/token=([a-z2-7]+)/)?.[1];
  if (!token) throw new Error(`no sign-in link for ${email}`);
  const session = await api(baseUrl, '/auth/session', { body: { token }, ip });
  return { email, token: session.token, member: session.member };
}

/** A browser context signed in as `member` (over http://127.0.0.1 the cookie has no __Host- prefix). */
export async function contextFor(browser, baseUrl, member, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, ...options });
  if (member) {
    await context.addCookies([{ name: 'volley_session', value: member.token, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  }
  return context;
}

/** A review body of at least 150 words (18 a sentence), as the review rules ask. */
export const longReview = (lead = '', sentences = 16) =>
  `${lead}${lead ? '\n\n' : ''}${Array.from({ length: sentences }, (_, i) => `Point ${i + 1}: the voice is steady and the images earn their place, though the middle could move faster.`).join(' ')}`;
