// What the benchmark asks of the app. Each endpoint is a request generator: every call returns the next request,
// so writes never repeat (a new draft each time; each review a new (reviewer, draft) pair) and rotate through
// enough members to stay under the write limit of 60 a minute each. A generator that has run out returns null.

const words = (count, seed) => Array.from({ length: count }, (_, i) => `${seed}${i % 97}`).join(' ');

const DRAFT_BODY = Array.from({ length: 6 }, (_, p) =>
  `Paragraph ${p + 1}. The harbour lights came on one by one while she read the letter again. ${words(45, `w${p}`)}.`,
).join('\n\n');

const REVIEW_BODY =
  `The opening holds: the first image is concrete and the voice is settled from the first line. ${words(150, 'note')}.`;

/**
 * @param fixtures  from seed.mjs: the showcase draft and work, the profile to open, the review targets
 * @param sessions  session tokens (opaque strings): reader, veteran, author, moderator, posters[], reviewers[]
 * @param queueCursor  the veteran's second queue page
 */
export function endpoints(fixtures, sessions, { queueCursor }) {
  const bearer = (token) => ({ authorization: `Bearer ${token}` });
  // Over http the session cookie has no __Host- prefix (src/auth/cookie.ts).
  const cookie = (token) => ({ cookie: `volley_session=${token}` });
  const get = (path, headers = {}) => () => ({ method: 'GET', path, headers });

  let posts = 0;
  const postDraft = () => {
    const k = posts++;
    return {
      method: 'POST',
      path: '/api/v1/drafts',
      headers: { ...bearer(sessions.posters[k % sessions.posters.length]), 'content-type': 'application/json' },
      body: JSON.stringify({ title: `Bench draft ${k}`, body: DRAFT_BODY, genre: 'fiction', reviewsWanted: 1 + (k % 3) }),
    };
  };

  // Request k reviews target ⌊k/5⌋ (five slots each) as reviewer k mod R: five different reviewers per draft, and a
  // reviewer never meets the same draft twice.
  // Once every slot is reviewed there is no next request (null): the seed made a fixed number of them.
  let reviews = 0;
  const submitReview = () => {
    if (reviews >= fixtures.reviewTargets.length * 5) return null;
    const k = reviews++;
    const target = fixtures.reviewTargets[Math.floor(k / 5)];
    return {
      method: 'POST',
      path: `/api/v1/drafts/${target}/reviews`,
      headers: { ...bearer(sessions.reviewers[k % sessions.reviewers.length]), 'content-type': 'application/json' },
      body: JSON.stringify({ body: REVIEW_BODY, inline: [{ paragraph: 0, body: 'This first paragraph sets the scene well.' }] }),
    };
  };

  const draft = `/drafts/${fixtures.showcaseDraftId}`;
  const work = `/works/${fixtures.showcaseWorkId}`;
  const profile = `/members/${fixtures.profileMemberId}`;
  return [
    { id: 'floor', label: 'GET /api/v1/health (floor)', kind: 'floor', status: 200, next: get('/api/v1/health') },
    { id: 'me', label: 'GET /api/v1/me', kind: 'read', status: 200, next: get('/api/v1/me', bearer(sessions.reader)) },
    { id: 'queue', label: 'GET /api/v1/queue (new member)', kind: 'read', status: 200, next: get('/api/v1/queue', bearer(sessions.reader)) },
    { id: 'queue-veteran', label: 'GET /api/v1/queue (veteran)', kind: 'read', status: 200, next: get('/api/v1/queue', bearer(sessions.veteran)) },
    {
      id: 'queue-genre',
      label: 'GET /api/v1/queue?genre=poetry (veteran)',
      kind: 'read',
      status: 200,
      next: get('/api/v1/queue?genre=poetry', bearer(sessions.veteran)),
    },
    {
      id: 'queue-page-2',
      label: 'GET /api/v1/queue?cursor=… (veteran, page 2)',
      kind: 'read',
      status: 200,
      next: get(`/api/v1/queue?cursor=${encodeURIComponent(queueCursor)}`, bearer(sessions.veteran)),
    },
    { id: 'queue-page', label: 'GET /queue (page, veteran)', kind: 'page', status: 200, next: get('/queue', cookie(sessions.veteran)) },
    { id: 'draft-author', label: 'GET /drafts/:id (page, its author)', kind: 'page', status: 200, next: get(draft, cookie(sessions.author)) },
    { id: 'draft-reader', label: 'GET /drafts/:id (page, a reader)', kind: 'page', status: 200, next: get(draft, cookie(sessions.reader)) },
    { id: 'dashboard', label: 'GET /dashboard (page, veteran)', kind: 'page', status: 200, next: get('/dashboard', cookie(sessions.veteran)) },
    { id: 'work', label: 'GET /api/v1/works/:id (5 parts, a reader)', kind: 'read', status: 200, next: get(`/api/v1${work}`, bearer(sessions.reader)) },
    { id: 'work-page', label: 'GET /works/:id (page, a reader)', kind: 'page', status: 200, next: get(work, cookie(sessions.reader)) },
    { id: 'profile', label: 'GET /api/v1/members/:id (a reader)', kind: 'read', status: 200, next: get(`/api/v1${profile}`, bearer(sessions.reader)) },
    { id: 'profile-page', label: 'GET /members/:id (page, a reader)', kind: 'page', status: 200, next: get(profile, cookie(sessions.reader)) },
    {
      id: 'return-favours',
      label: 'GET /api/v1/me/return-favours (veteran)',
      kind: 'read',
      status: 200,
      next: get('/api/v1/me/return-favours', bearer(sessions.veteran)),
    },
    {
      id: 'moderation',
      label: 'GET /api/v1/admin/reports (moderator)',
      kind: 'read',
      status: 200,
      next: get('/api/v1/admin/reports', bearer(sessions.moderator)),
    },
    {
      id: 'moderation-page',
      label: 'GET /admin/reports (page, moderator)',
      kind: 'page',
      status: 200,
      next: get('/admin/reports', cookie(sessions.moderator)),
    },
    { id: 'post-draft', label: 'POST /api/v1/drafts', kind: 'write', status: 201, next: postDraft },
    { id: 'submit-review', label: 'POST /api/v1/drafts/:id/reviews', kind: 'write', status: 201, next: submitReview },
  ];
}

/** Pages whose weight is measured, with who looks at them. */
export function weighedPages(fixtures, sessions) {
  const cookie = (token) => ({ cookie: `volley_session=${token}` });
  return [
    { label: 'home (signed out)', path: '/', headers: {} },
    { label: 'dashboard', path: '/dashboard', headers: cookie(sessions.veteran) },
    { label: 'queue', path: '/queue', headers: cookie(sessions.veteran) },
    {
      label: 'draft page, author (4 reviews, 12 inline comments, 8 replies)',
      path: `/drafts/${fixtures.showcaseDraftId}`,
      headers: cookie(sessions.author),
    },
    { label: 'draft page, reader', path: `/drafts/${fixtures.showcaseDraftId}`, headers: cookie(sessions.reader) },
    { label: 'post a draft (form)', path: '/drafts/new', headers: cookie(sessions.reader) },
    { label: 'credits (ledger)', path: '/credits', headers: cookie(sessions.veteran) },
    { label: 'work page (5 parts)', path: `/works/${fixtures.showcaseWorkId}`, headers: cookie(sessions.reader) },
    { label: 'member profile', path: `/members/${fixtures.profileMemberId}`, headers: cookie(sessions.reader) },
    { label: 'moderation (open reports, log)', path: '/admin/reports', headers: cookie(sessions.moderator) },
  ];
}
