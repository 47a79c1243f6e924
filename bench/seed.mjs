// The benchmark's data: a community of members with drafts, claims, reviews, ratings and replies at a given size,
// plus the fixtures the load runs need (known members to sign in as, a draft with reviews to open, drafts to review).
// Plain Node, deterministic (one seeded PRNG), written as multi-row INSERTs so wrangler can apply it in a few chunks.
// The ledger goes through the real `transfers_apply` trigger: every credit a member spends was granted to them first.
// Counters the app keeps beside its tables (members.reviews_given, helpful_reviews, reviews_received, drafts_posted,
// followers; review_tallies) are computed from the generated rows, so they agree as the app's own batches keep them.

export const GENRES = [
  'fiction', 'fantasy', 'science-fiction', 'mystery', 'romance', 'horror', 'literary',
  'young-adult', 'poetry', 'essay', 'memoir', 'nonfiction', 'screenplay', 'other',
];

// As src/config.ts.
const WELCOME_GRANT = 3;
const HELPFUL_BONUS = 1;
const PRICE_BANDS = [
  { maxWords: 3_000, price: 1 },
  { maxWords: 6_000, price: 2 },
  { maxWords: 10_000, price: 3 },
];
const pricePerReview = (words) => (PRICE_BANDS.find((b) => words <= b.maxWords) ?? PRICE_BANDS.at(-1)).price;
const CLAIM_LIFETIME = 48 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** How many of each fixture the load runs use. */
export const FIXTURES = {
  /** Enough that a fast run (Miniflare direct) stays under the write limit of 60 a minute each. */
  posters: 96,
  reviewers: 48,
  /** Open drafts wanting 5 reviews each, for the review-submission run. */
  reviewTargets: 300,
};

/** Open reports waiting for a moderator: a backlog that moderators keep about this long whatever the size. */
const OPEN_REPORTS = 60;
const REPORT_REASONS = ['spam', 'low-effort', 'harassment', 'plagiarism', 'other'];

export const benchEmail = (role, i) => (i === undefined ? `${role}@bench.example` : `${role}-${i}@bench.example`);

// mulberry32: small, fast, and the same data on every run.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = `the a of and to in that it was her his she he they with for on as at but by from into over under
light house river morning window letter garden silence winter summer road city village mother father sister brother
stranger voice memory story paper ink rain salt stone glass door table kitchen evening night promise secret
remember forget wait walk carry hold open close follow return listen speak write read dream wake breathe answer
quiet bright heavy slow small old new last first long short cold warm empty full distant near strange familiar
because although while until before after when where again almost always never only still already perhaps
archive harbour train station field forest lantern mirror photograph journal map compass bridge tower island`
  .split(/\s+/)
  .filter(Boolean);

const TITLE_A = ['The Salt', 'A Quiet', 'Winter', 'The Last', 'Northern', 'Small', 'The Glass', 'Paper', 'Distant', 'The Night'];
const TITLE_B = ['Archive', 'Harbour', 'Letters', 'Garden', 'Crossing', 'Lantern', 'Hours', 'Map', 'Station', 'Island'];

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** Everything random in one place, so a size always yields the same rows. */
function makeRandom(seed) {
  const rand = prng(seed);
  const int = (min, max) => min + Math.floor(rand() * (max - min + 1));
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const chance = (p) => rand() < p;
  // Ids look like src/lib/ids.ts ones (16 base32 characters), so index pages split as they do in the app.
  const id = () => Array.from({ length: 16 }, () => ALPHABET[Math.floor(rand() * 32)]).join('');
  const sentence = (n) => {
    const words = Array.from({ length: n }, () => pick(WORDS));
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    return `${words.join(' ')}.`;
  };
  const paragraph = (wordCount) => {
    const parts = [];
    for (let left = wordCount; left > 0; ) {
      const n = Math.min(left, int(6, 16));
      parts.push(sentence(n));
      left -= n;
    }
    return parts.join(' ');
  };
  const body = (paragraphs, wordsEach) => Array.from({ length: paragraphs }, () => paragraph(int(wordsEach[0], wordsEach[1]))).join('\n\n');
  return { rand, int, pick, chance, id, paragraph, body };
}

// As src/lib/text.ts.
const countWords = (text) => text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;

const q = (v) => (v === null || v === undefined ? 'NULL' : typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);

/**
 * Rows grouped into multi-row INSERTs of at most ~`maxBytes` of SQL each, so a statement stays far below D1's
 * statement size limit and wrangler's batch stays small in statement count.
 */
class SqlWriter {
  constructor(maxBytes = 90_000) {
    this.maxBytes = maxBytes;
    this.statements = [];
    this.pending = new Map();
  }
  insert(table, row) {
    const columns = Object.keys(row);
    const key = `${table}(${columns.join(',')})`;
    const values = `(${columns.map((c) => q(row[c])).join(',')})`;
    let group = this.pending.get(key);
    if (!group) this.pending.set(key, (group = { table, columns, rows: [], bytes: 0 }));
    if (group.bytes + values.length > this.maxBytes && group.rows.length) this.flushGroup(key);
    group = this.pending.get(key) ?? this.pending.set(key, { table, columns, rows: [], bytes: 0 }).get(key);
    group.rows.push(values);
    group.bytes += values.length + 1;
  }
  flushGroup(key) {
    const group = this.pending.get(key);
    if (group?.rows.length) {
      this.statements.push(`INSERT INTO ${group.table} (${group.columns.join(', ')}) VALUES\n${group.rows.join(',\n')};`);
    }
    this.pending.delete(key);
  }
  /** Ends a phase: everything inserted so far is written before anything inserted later. */
  flush() {
    for (const key of [...this.pending.keys()]) this.flushGroup(key);
  }
}

/**
 * The data for `size` drafts. Returns the SQL statements in dependency order and the fixtures the load runs use.
 * Shape of the community (chosen to resemble a living exchange, not tuned to the queries):
 * one member per 10 drafts; 72 % of drafts closed with every review in, 3 % withdrawn, 25 % open with some reviews;
 * reviews wanted 1-5 (mostly 1-2); half the reviews came through a claim; one open draft in ten is claimed right now;
 * a fifth of the reviews are rated, a third carry an inline comment, one in twenty has a reply.
 * About one draft in six is a part of a work (up to 6 parts, by one author), one in thirty the next version of a
 * closed draft; members follow 0-6 writers each, one in fifty blocks someone; a backlog of OPEN_REPORTS open reports
 * and one resolved (dismissed) report per 100 drafts (at least 40), with the moderation log that resolved them.
 *
 * `columns` (table name to a Set of its column names, from the migrated database) says which optional columns exist:
 * the stored Markdown renderings (drafts.paragraphs_html and excerpt; body_html on reviews, inline_comments and
 * replies) are filled only where the schema has them, through `render` (bench/rendering.mjs).
 */
export function generate(size, { now = Date.now(), columns = new Map(), render = null } = {}) {
  const has = (table, column) => columns.get(table)?.has(column) ?? false;
  const stored = {
    draft: has('drafts', 'paragraphs_html') || has('drafts', 'excerpt'),
    review: has('reviews', 'body_html'),
    inline: has('inline_comments', 'body_html'),
    reply: has('replies', 'body_html'),
  };
  if (Object.values(stored).some(Boolean) && !render) throw new Error('the schema stores rendered Markdown: generate() needs `render`');
  const renderedDraftColumns = (body) => {
    if (!stored.draft) return {};
    const { paragraphsHtml, excerpt } = render.draft(body);
    return {
      ...(has('drafts', 'paragraphs_html') ? { paragraphs_html: paragraphsHtml } : {}),
      ...(has('drafts', 'excerpt') ? { excerpt } : {}),
    };
  };
  const bodyHtml = (kind, body) => (stored[kind] ? { body_html: render.markdown(body) } : {});
  const r = makeRandom(size);
  const sql = new SqlWriter();
  const transfers = [];
  let transferSeq = 0;
  const transfer = (from, to, amount, reason, key, at, extra = {}) => {
    transfers.push({ id: r.id(), from_account: from, to_account: to, amount, reason, reason_key: key, created_at: at, ...extra });
    transferSeq++;
  };
  const flushTransfers = () => {
    for (const t of transfers) sql.insert('transfers', t);
    transfers.length = 0;
    sql.flush();
  };

  // Members: the community, then the known bench members.
  const communitySize = Math.max(100, Math.round(size / 10));
  const members = Array.from({ length: communitySize }, (_, i) => ({
    id: r.id(),
    email: `member-${i}@community.example`,
    name: `Member ${i}`,
    created_at: now - r.int(30, 400) * DAY,
    spend: 0,
  }));
  const bench = (role, i) => {
    const name = i === undefined ? `Bench ${role}` : `Bench ${role} ${i}`;
    const m = { id: r.id(), email: benchEmail(role, i), name, created_at: now - 60 * DAY, spend: 0 };
    members.push(m);
    return m;
  };
  const fixtures = {
    reader: bench('reader'),
    veteran: bench('veteran'),
    author: bench('author'),
    posters: Array.from({ length: FIXTURES.posters }, (_, i) => bench('poster', i)),
    reviewers: Array.from({ length: FIXTURES.reviewers }, (_, i) => bench('reviewer', i)),
    moderator: bench('moderator'),
  };
  for (const p of fixtures.posters) p.spend += 100_000; // enough to post for the whole run

  // Drafts. The bench fixtures are counted in `size`.
  const drafts = [];
  const addDraft = (d) => {
    const wordCount = countWords(d.body);
    const price = pricePerReview(wordCount);
    const draft = { work: null, part: null, previously: null, previous: null, ...d, id: r.id(), word_count: wordCount, price_per_review: price, reviews: [] };
    draft.version = draft.previous ? draft.previous.version + 1 : 1;
    draft.original = draft.previous ? draft.previous.original : draft;
    drafts.push(draft);
    return draft;
  };
  // Works in parts: each part is a draft; parts are numbered by posting time once all are made (numberParts).
  const works = [];
  const newWork = (author_id, genre, created_at, title) => {
    const work = { id: r.id(), author_id, genre, title, synopsis: r.chance(0.6) ? r.paragraph(r.int(15, 40)) : null, created_at, parts: [] };
    works.push(work);
    return work;
  };
  const community = members.slice(0, communitySize);
  const memberIndex = new Map(members.map((m) => [m.id, m]));
  const spend = (memberId, amount) => (memberIndex.get(memberId).spend += amount);

  // The draft page subject: a long draft by `author`, 4 of 5 reviews in, with inline comments and a thread.
  const showcase = {
    author_id: fixtures.author.id,
    title: 'The Salt Archive (bench)',
    body: r.body(14, [90, 150]),
    genre: 'science-fiction',
    note: 'Does the world-building get in the way of the character?',
    reviews_wanted: 5,
    created_at: now - 3 * DAY,
    status: 'open',
  };
  const addDraftWithSpend = (d) => {
    const draft = addDraft({ ...d });
    spend(d.author_id, draft.price_per_review * d.reviews_wanted);
    return draft;
  };
  fixtures.showcase = addDraftWithSpend(showcase);
  fixtures.showcase.plannedReviews = 4;
  fixtures.showcase.richReviews = true;

  // The veteran's own drafts, a few of them reviewed.
  for (let i = 0; i < 20; i++) {
    const d = addDraftWithSpend({
      author_id: fixtures.veteran.id,
      title: `Veteran draft ${i}`,
      body: r.body(r.int(2, 5), [25, 50]),
      genre: r.pick(GENRES),
      note: null,
      reviews_wanted: r.int(1, 3),
      created_at: now - r.int(1, 300) * DAY,
      status: 'open',
    });
    d.plannedReviews = r.int(0, d.reviews_wanted);
  }

  // The work page subject: a work in five parts by `author`; part 2 was revised once (its first version closed).
  const showcaseWork = newWork(fixtures.author.id, 'fantasy', now - 40 * DAY, 'The Lantern Road (bench)');
  showcaseWork.synopsis = 'A cartographer walks the old lantern road north, one town a part.';
  for (let p = 1; p <= 5; p++) {
    const d = addDraftWithSpend({
      author_id: fixtures.author.id,
      title: `The Lantern Road, part ${p}`,
      body: r.body(r.int(4, 8), [60, 110]),
      genre: 'fantasy',
      note: null,
      reviews_wanted: 3,
      created_at: now - (40 - 7 * p) * DAY,
      status: p <= 2 ? 'closed' : 'open',
      work: showcaseWork,
      previously: p > 1 ? r.paragraph(r.int(20, 40)) : null,
    });
    d.plannedReviews = p <= 2 ? 3 : r.int(0, 2);
    showcaseWork.parts.push(d);
    if (p === 2) {
      const v2 = addDraftWithSpend({
        author_id: d.author_id, title: d.title, body: r.body(r.int(4, 8), [60, 110]), genre: d.genre, note: 'Tightened the middle.',
        reviews_wanted: 3, created_at: d.created_at + 5 * DAY, status: 'open', work: showcaseWork, previously: d.previously, previous: d,
      });
      v2.plannedReviews = 1;
    }
  }

  // Review targets: open, 5 slots each, by community members.
  fixtures.reviewTargets = [];
  for (let i = 0; i < FIXTURES.reviewTargets; i++) {
    const d = addDraftWithSpend({
      author_id: members[i % communitySize].id,
      title: `Review target ${i}`,
      body: r.body(4, [40, 70]),
      genre: r.pick(GENRES),
      note: null,
      reviews_wanted: 5,
      created_at: now - HOUR - i * 1000,
      status: 'open',
    });
    d.plannedReviews = 0;
    d.noClaims = true;
    fixtures.reviewTargets.push(d);
  }

  // The community's drafts.
  const remaining = Math.max(0, size - drafts.length);
  const wantedWeights = [1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 4, 4, 5];
  const openWorks = new Map(); // author id -> the work they are still adding parts to
  const revisable = []; // closed community drafts not revised yet
  for (let i = 0; i < remaining; i++) {
    const roll = r.rand();
    const status = roll < 0.72 ? 'closed' : roll < 0.75 ? 'withdrawn' : 'open';
    const wanted = r.pick(wantedWeights);
    let place = {
      author_id: r.pick(community).id,
      title: `${r.pick(TITLE_A)} ${r.pick(TITLE_B)} ${i}`,
      genre: r.pick(GENRES),
      created_at: now - r.int(1, 365 * 24) * HOUR,
    };
    if (revisable.length && r.chance(1 / 30)) {
      // The next version of an earlier closed draft, posted days after its reviews came in (they take up to 72 h).
      const k = r.int(0, revisable.length - 1);
      const previous = revisable[k];
      const created = previous.created_at + r.int(4, 30) * DAY;
      if (created < now - HOUR) {
        revisable[k] = revisable.at(-1);
        revisable.pop();
        place = { author_id: previous.author_id, title: previous.title, genre: previous.genre, created_at: created, previous, work: previous.work };
      }
    } else {
      // An author with a work under way usually posts its next part; now and then someone starts a work.
      let work = openWorks.get(place.author_id);
      if (work && (work.parts.length >= work.maxParts || r.chance(0.3))) work = null;
      if (!work && r.chance(1 / 15)) {
        work = newWork(place.author_id, place.genre, 0, `${r.pick(TITLE_A)} ${r.pick(TITLE_B)}, a work ${works.length}`);
        work.maxParts = r.int(2, 6);
        openWorks.set(place.author_id, work);
      }
      if (work) place = { ...place, genre: work.genre, work };
    }
    const d = addDraftWithSpend({
      ...place,
      body: r.body(r.int(2, 5), [20, 45]),
      note: r.chance(0.5) ? r.paragraph(r.int(8, 20)) : null,
      reviews_wanted: wanted,
      status,
    });
    if (d.work && !d.previous) d.work.parts.push(d);
    d.plannedReviews = status === 'closed' ? wanted : r.int(0, wanted - 1);
    if (status === 'closed') revisable.push(d);
  }

  // Parts numbered in posting order, a version keeping its part's number; a work starts an hour before its first part.
  for (const work of works) {
    work.parts.sort((a, b) => a.created_at - b.created_at);
    work.parts.forEach((d, k) => {
      d.part = k + 1;
      if (k > 0 && d.previously === null && r.chance(0.5)) d.previously = r.paragraph(r.int(15, 35));
    });
    if (work !== showcaseWork) work.created_at = (work.parts[0]?.created_at ?? now - DAY) - HOUR;
  }
  for (const d of drafts) if (d.previous) d.part = d.original.part;

  // Reviews: reviewers are community members (the veteran gets a share that grows with the community, as a busy
  // member's history would), never the author, never twice on one draft.
  const veteranShare = Math.min(0.02, 2_000 / Math.max(1, size));
  const reviews = [];
  for (const d of drafts) {
    const taken = new Set([d.author_id]);
    for (let k = 0; k < d.plannedReviews; k++) {
      let reviewer;
      if (!d.richReviews && !taken.has(fixtures.veteran.id) && r.chance(veteranShare)) reviewer = fixtures.veteran;
      else do reviewer = r.pick(community); while (taken.has(reviewer.id));
      taken.add(reviewer.id);
      const created = Math.min(now - 60_000, d.created_at + r.int(1, 72) * HOUR);
      const review = {
        id: r.id(),
        draft: d,
        reviewer,
        body: d.richReviews ? r.body(3, [60, 90]) : r.body(1, [25, 50]),
        created_at: created,
        rated: r.chance(0.2) ? (r.chance(0.75) ? 1 : 0) : null,
      };
      review.word_count = countWords(review.body);
      reviews.push(review);
      d.reviews.push(review);
    }
    d.reviews_received = d.reviews.length;
    if (d.status === 'closed' && d.reviews_received < d.reviews_wanted) d.status = 'open';
  }

  // Follows: community members follow 0-6 writers of the community or `author`; the reader follows `author` and ten
  // more. Posters and reviewers have no followers, so posting stays the app's follower-less path in every run.
  const follows = new Map(); // `${follower} ${followed}` -> created_at
  const follow = (follower, followed) => {
    if (follower.id === followed.id) return;
    follows.set(`${follower.id} ${followed.id}`, Math.max(follower.created_at, followed.created_at) + r.int(1, 20) * DAY);
  };
  const followable = [...community, fixtures.author];
  for (const m of community) for (let k = r.int(0, 6); k > 0; k--) follow(m, r.pick(followable));
  follow(fixtures.reader, fixtures.author);
  for (let k = 0; k < 10; k++) follow(fixtures.reader, r.pick(community));
  for (let k = 0; k < 15; k++) follow(fixtures.veteran, r.pick(community));

  // The profile counters and "return the favour" tallies, as the app's batches keep them.
  for (const m of members) Object.assign(m, { reviews_given: 0, helpful_reviews: 0, reviews_received: 0, drafts_posted: 0, followers: 0 });
  const tallies = new Map(); // `${author} ${reviewer}` -> { reviews, last_at }
  for (const d of drafts) memberIndex.get(d.author_id).drafts_posted++;
  for (const rv of reviews) {
    rv.reviewer.reviews_given++;
    if (rv.rated === 1) rv.reviewer.helpful_reviews++;
    memberIndex.get(rv.draft.author_id).reviews_received++;
    const key = `${rv.draft.author_id} ${rv.reviewer.id}`;
    const tally = tallies.get(key) ?? { reviews: 0, last_at: 0 };
    tallies.set(key, { reviews: tally.reviews + 1, last_at: Math.max(tally.last_at, rv.created_at) });
  }
  for (const key of follows.keys()) memberIndex.get(key.split(' ')[1]).followers++;

  // Grants first, so every debit below finds the credit there.
  for (const m of members) {
    sql.insert('members', {
      id: m.id, email: m.email, name: m.name, created_at: m.created_at, reviews_given: m.reviews_given, helpful_reviews: m.helpful_reviews,
      reviews_received: m.reviews_received, drafts_posted: m.drafts_posted, followers: m.followers,
    });
    sql.insert('accounts', { id: m.id, kind: 'member' });
  }
  sql.flush();
  for (const [key, created_at] of follows) {
    const [follower_id, followed_id] = key.split(' ');
    sql.insert('follows', { follower_id, followed_id, created_at });
  }
  for (const [key, tally] of tallies) {
    const [author_id, reviewer_id] = key.split(' ');
    sql.insert('review_tallies', { author_id, reviewer_id, reviews: tally.reviews, last_at: tally.last_at });
  }
  for (const w of works) {
    sql.insert('works', { id: w.id, author_id: w.author_id, title: w.title, genre: w.genre, synopsis: w.synopsis, created_at: w.created_at });
  }
  sql.flush();
  for (const m of members) {
    transfer('mint', m.id, WELCOME_GRANT, 'welcome', `welcome:${m.id}`, m.created_at);
    if (m.spend > WELCOME_GRANT) transfer('mint', m.id, m.spend - WELCOME_GRANT, 'adjustment', `adjustment:bench:${m.id}`, m.created_at + 1);
  }
  flushTransfers();

  for (const d of drafts) {
    const ended = d.status === 'open' ? null : Math.min(now - 1000, (d.reviews.at(-1)?.created_at ?? d.created_at) + 1000);
    sql.insert('drafts', {
      id: d.id, author_id: d.author_id, title: d.title, body: d.body, genre: d.genre, note: d.note,
      word_count: d.word_count, price_per_review: d.price_per_review, reviews_wanted: d.reviews_wanted,
      reviews_received: d.reviews_received, status: d.status, created_at: d.created_at, ended_at: ended,
      work_id: d.work?.id ?? null, part: d.part, previously: d.previously, version: d.version, previous_version_id: d.previous?.id ?? null,
      original_id: d.original.id, ...renderedDraftColumns(d.body),
    });
    sql.insert('accounts', { id: d.id, kind: 'escrow' });
  }
  sql.flush();
  for (const d of drafts) {
    transfer(d.author_id, d.id, d.price_per_review * d.reviews_wanted, 'post_draft', `post_draft:${d.id}`, d.created_at, { draft_id: d.id });
  }
  flushTransfers();

  // Reviews, what came with them, and what they paid.
  let inlineCount = 0;
  let replyCount = 0;
  const replyRows = [];
  let claimCount = 0;
  for (const rv of reviews) {
    sql.insert('reviews', {
      id: rv.id, draft_id: rv.draft.id, reviewer_id: rv.reviewer.id, body: rv.body, word_count: rv.word_count,
      helpful: rv.rated, rated_at: rv.rated === null ? null : rv.created_at + HOUR, created_at: rv.created_at, ...bodyHtml('review', rv.body),
    });
  }
  sql.flush();
  for (const rv of reviews) {
    const paragraphs = rv.draft.body.split('\n\n');
    const comments = rv.draft.richReviews ? 3 : r.chance(1 / 3) ? 1 : 0;
    for (let c = 0; c < comments; c++) {
      const paragraph = r.int(0, paragraphs.length - 1);
      const body = r.paragraph(r.int(15, 40));
      sql.insert('inline_comments', {
        id: r.id(), review_id: rv.id, paragraph, quote: paragraphs[paragraph].slice(0, 80), body, position: c, ...bodyHtml('inline', body),
      });
      inlineCount++;
    }
    const replies = rv.draft.richReviews ? 2 : r.chance(0.05) ? 1 : 0;
    for (let p = 0; p < replies; p++) {
      const reply = {
        id: r.id(), review_id: rv.id, author_id: p % 2 === 0 ? rv.draft.author_id : rv.reviewer.id,
        body: r.paragraph(r.int(10, 40)), created_at: rv.created_at + (p + 2) * HOUR,
      };
      sql.insert('replies', { ...reply, ...bodyHtml('reply', reply.body) });
      replyRows.push(reply);
      replyCount++;
    }
    if (r.chance(0.5)) {
      sql.insert('claims', {
        id: r.id(), draft_id: rv.draft.id, reviewer_id: rv.reviewer.id, status: 'used',
        created_at: rv.created_at - HOUR, expires_at: rv.created_at - HOUR + CLAIM_LIFETIME, ended_at: rv.created_at,
      });
      claimCount++;
    }
    transfer(rv.draft.id, rv.reviewer.id, rv.draft.price_per_review, 'review_paid', `review_paid:${rv.id}`, rv.created_at, {
      draft_id: rv.draft.id, review_id: rv.id,
    });
    if (rv.rated === 1) {
      transfer('mint', rv.reviewer.id, HELPFUL_BONUS, 'helpful_bonus', `helpful_bonus:${rv.id}`, rv.created_at + HOUR, {
        draft_id: rv.draft.id, review_id: rv.id,
      });
    }
  }
  sql.flush();
  flushTransfers();

  // Claims held right now (one open draft in ten, where a slot is free), and some that lapsed unused.
  const veteranClaims = [];
  const claimPairs = new Set(); // `${claimer} ${author}` of every live claim: no block stands between them
  for (const d of drafts) {
    if (d.status !== 'open' || d.noClaims || d.author_id === fixtures.veteran.id) continue;
    const reviewedBy = new Set([d.author_id, ...d.reviews.map((rv) => rv.reviewer.id)]);
    if (veteranClaims.length < 3 && !reviewedBy.has(fixtures.veteran.id) && d.reviews_received < d.reviews_wanted && d !== fixtures.showcase) {
      veteranClaims.push(d);
      claimPairs.add(`${fixtures.veteran.id} ${d.author_id}`);
      sql.insert('claims', {
        id: r.id(), draft_id: d.id, reviewer_id: fixtures.veteran.id, status: 'active',
        created_at: now - 2 * HOUR, expires_at: now - 2 * HOUR + CLAIM_LIFETIME, ended_at: null,
      });
      claimCount++;
      continue;
    }
    if (d.reviews_received < d.reviews_wanted && r.chance(0.1)) {
      let reviewer;
      do reviewer = r.pick(community); while (reviewedBy.has(reviewer.id));
      const created = now - r.int(1, 40) * HOUR;
      claimPairs.add(`${reviewer.id} ${d.author_id}`);
      sql.insert('claims', {
        id: r.id(), draft_id: d.id, reviewer_id: reviewer.id, status: 'active', created_at: created,
        expires_at: created + CLAIM_LIFETIME, ended_at: null,
      });
      claimCount++;
    } else if (r.chance(0.05)) {
      let reviewer;
      do reviewer = r.pick(community); while (reviewedBy.has(reviewer.id));
      const created = now - r.int(60, 200) * HOUR;
      sql.insert('claims', {
        id: r.id(), draft_id: d.id, reviewer_id: reviewer.id, status: 'expired', created_at: created,
        expires_at: created + CLAIM_LIFETIME, ended_at: created + CLAIM_LIFETIME,
      });
      claimCount++;
    }
  }
  sql.flush();

  // Blocks: one community member in fifty blocks another, never someone they follow or who follows them, and never
  // across a live claim (blocking ends those).
  const blocks = new Set();
  for (let k = Math.round(communitySize / 50); k > 0; k--) {
    const [blocker, blocked] = [r.pick(community), r.pick(community)];
    const apart = [`${blocker.id} ${blocked.id}`, `${blocked.id} ${blocker.id}`];
    if (blocker === blocked || apart.some((pair) => follows.has(pair) || claimPairs.has(pair) || blocks.has(pair))) continue;
    blocks.add(apart[0]);
    sql.insert('blocks', { blocker_id: blocker.id, blocked_id: blocked.id, created_at: now - r.int(1, 200) * DAY });
  }
  sql.flush();

  // Reports: a backlog of open ones, and one per 100 drafts resolved (dismissed) by the bench moderator, whose
  // decisions make the moderation log. Subjects: drafts, reviews, replies and members, each reported by a community
  // member who does not own it.
  const reportRows = [];
  const reported = new Set();
  const subjectOf = () => {
    const roll = r.rand();
    if (roll < 0.6) {
      const d = r.pick(drafts);
      return { subject_type: 'draft', subject_id: d.id, subject_member_id: d.author_id, at: d.created_at };
    }
    if (roll < 0.85 && reviews.length) {
      const rv = r.pick(reviews);
      return { subject_type: 'review', subject_id: rv.id, subject_member_id: rv.reviewer.id, at: rv.created_at };
    }
    if (roll < 0.9 && replyRows.length) {
      const rp = r.pick(replyRows);
      return { subject_type: 'reply', subject_id: rp.id, subject_member_id: rp.author_id, at: rp.created_at };
    }
    const m = r.pick(community);
    return { subject_type: 'member', subject_id: m.id, subject_member_id: m.id, at: m.created_at };
  };
  // At least two pages of the moderation log at every size, so the list reads the same rows at 1,000 as at 100,000.
  const resolvedReports = Math.max(40, Math.round(size / 100));
  for (let k = 0; k < OPEN_REPORTS + resolvedReports; k++) {
    const subject = subjectOf();
    const reporter = r.pick(community);
    const key = `${reporter.id} ${subject.subject_type} ${subject.subject_id}`;
    if (reporter.id === subject.subject_member_id || reported.has(key)) continue;
    reported.add(key);
    const open = k < OPEN_REPORTS;
    const created = open
      ? Math.max(subject.at + 60_000, now - r.int(1, 72) * HOUR)
      : Math.min(now - 2 * HOUR, subject.at + r.int(1, 48) * HOUR);
    const { at, ...columns } = subject;
    reportRows.push({
      id: r.id(), reporter_id: reporter.id, ...columns, reason: r.pick(REPORT_REASONS),
      details: r.chance(0.5) ? r.paragraph(r.int(8, 25)) : null, status: open ? 'open' : 'resolved',
      action_id: open ? null : r.id(), created_at: created, resolved_at: open ? null : Math.min(now - HOUR, created + r.int(1, 48) * HOUR),
    });
  }
  for (const report of reportRows) sql.insert('reports', report);
  sql.flush();
  for (const report of reportRows.filter((x) => x.status === 'resolved').sort((a, b) => a.resolved_at - b.resolved_at)) {
    sql.insert('moderation_actions', {
      id: report.action_id, report_id: report.id, moderator_id: fixtures.moderator.id, action: 'dismiss', subject_type: report.subject_type,
      subject_id: report.subject_id, member_id: report.subject_member_id, note: 'Within the guidelines; no action.', created_at: report.resolved_at,
    });
  }
  sql.flush();

  const counts = {
    drafts: drafts.length,
    openDrafts: drafts.filter((d) => d.status === 'open').length,
    members: members.length,
    reviews: reviews.length,
    veteranReviews: reviews.filter((rv) => rv.reviewer === fixtures.veteran).length,
    inlineComments: inlineCount,
    replies: replyCount,
    claims: claimCount,
    transfers: transferSeq,
    works: works.length,
    parts: works.reduce((n, w) => n + w.parts.length, 0),
    revisions: drafts.filter((d) => d.previous).length,
    follows: follows.size,
    blocks: blocks.size,
    reviewTallies: tallies.size,
    openReports: reportRows.filter((x) => x.status === 'open').length,
    resolvedReports: reportRows.filter((x) => x.status === 'resolved').length,
    renderedColumns: Object.entries(stored).filter(([, yes]) => yes).map(([kind]) => kind),
  };
  return {
    statements: sql.statements,
    counts,
    fixtures: {
      reader: fixtures.reader.email,
      veteran: fixtures.veteran.email,
      author: fixtures.author.email,
      posters: fixtures.posters.map((m) => m.email),
      reviewers: fixtures.reviewers.map((m) => m.email),
      showcaseDraftId: fixtures.showcase.id,
      reviewTargets: fixtures.reviewTargets.map((d) => d.id),
      moderator: fixtures.moderator.email,
      showcaseWorkId: showcaseWork.id,
      profileMemberId: fixtures.author.id,
    },
  };
}
