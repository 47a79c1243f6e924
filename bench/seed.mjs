// The benchmark's data: a community of members with drafts, claims, reviews, ratings and replies at a given size,
// plus the fixtures the load runs need (known members to sign in as, a draft with reviews to open, drafts to review).
// Plain Node, deterministic (one seeded PRNG), written as multi-row INSERTs so wrangler can apply it in a few chunks.
// The ledger goes through the real `transfers_apply` trigger: every credit a member spends was granted to them first.

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
  posters: 48,
  reviewers: 48,
  /** Open drafts wanting 5 reviews each, for the review-submission run. */
  reviewTargets: 300,
};

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
 */
export function generate(size, now = Date.now()) {
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
  };
  for (const p of fixtures.posters) p.spend += 100_000; // enough to post for the whole run

  // Drafts. The bench fixtures are counted in `size`.
  const drafts = [];
  const addDraft = (d) => {
    const wordCount = countWords(d.body);
    const price = pricePerReview(wordCount);
    const draft = { ...d, id: r.id(), word_count: wordCount, price_per_review: price, reviews: [] };
    drafts.push(draft);
    return draft;
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
  for (let i = 0; i < remaining; i++) {
    const roll = r.rand();
    const status = roll < 0.72 ? 'closed' : roll < 0.75 ? 'withdrawn' : 'open';
    const wanted = r.pick(wantedWeights);
    const d = addDraftWithSpend({
      author_id: r.pick(community).id,
      title: `${r.pick(TITLE_A)} ${r.pick(TITLE_B)} ${i}`,
      body: r.body(r.int(2, 5), [20, 45]),
      genre: r.pick(GENRES),
      note: r.chance(0.5) ? r.paragraph(r.int(8, 20)) : null,
      reviews_wanted: wanted,
      created_at: now - r.int(1, 365 * 24) * HOUR,
      status,
    });
    d.plannedReviews = status === 'closed' ? wanted : r.int(0, wanted - 1);
  }

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

  // Grants first, so every debit below finds the credit there.
  for (const m of members) {
    sql.insert('members', { id: m.id, email: m.email, name: m.name, created_at: m.created_at });
    sql.insert('accounts', { id: m.id, kind: 'member' });
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
  let claimCount = 0;
  for (const rv of reviews) {
    sql.insert('reviews', {
      id: rv.id, draft_id: rv.draft.id, reviewer_id: rv.reviewer.id, body: rv.body, word_count: rv.word_count,
      helpful: rv.rated, rated_at: rv.rated === null ? null : rv.created_at + HOUR, created_at: rv.created_at,
    });
  }
  sql.flush();
  for (const rv of reviews) {
    const paragraphs = rv.draft.body.split('\n\n');
    const comments = rv.draft.richReviews ? 3 : r.chance(1 / 3) ? 1 : 0;
    for (let c = 0; c < comments; c++) {
      const paragraph = r.int(0, paragraphs.length - 1);
      sql.insert('inline_comments', {
        id: r.id(), review_id: rv.id, paragraph, quote: paragraphs[paragraph].slice(0, 80), body: r.paragraph(r.int(15, 40)), position: c,
      });
      inlineCount++;
    }
    const replies = rv.draft.richReviews ? 2 : r.chance(0.05) ? 1 : 0;
    for (let p = 0; p < replies; p++) {
      sql.insert('replies', {
        id: r.id(), review_id: rv.id, author_id: p % 2 === 0 ? rv.draft.author_id : rv.reviewer.id,
        body: r.paragraph(r.int(10, 40)), created_at: rv.created_at + (p + 2) * HOUR,
      });
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
  for (const d of drafts) {
    if (d.status !== 'open' || d.noClaims || d.author_id === fixtures.veteran.id) continue;
    const reviewedBy = new Set([d.author_id, ...d.reviews.map((rv) => rv.reviewer.id)]);
    if (veteranClaims.length < 3 && !reviewedBy.has(fixtures.veteran.id) && d.reviews_received < d.reviews_wanted && d !== fixtures.showcase) {
      veteranClaims.push(d);
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
    },
  };
}
