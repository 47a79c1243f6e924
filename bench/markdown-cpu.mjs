// The CPU a read used to spend rendering Markdown, against what it spends now on the HTML stored at write time.
//
// In Node, on this machine's CPU (workerd runs the same V8): the median time to render a typical draft page's
// Markdown (a ~3,000-word draft in paragraphs, 4 reviews each with inline comments, answers and replies) and a
// queue page of excerpts, as reads did before migration 0010, against reading the same page from the stored HTML
// (parsing the JSON columns, as src/draft-page/data.ts and src/queue/queue.ts now do).
//
//   npx tsx bench/markdown-cpu.mjs          prints the result
//   import { markdownCpu } from './markdown-cpu.mjs'   for a report
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { config } from '../src/config.ts';
import { excerpt, renderedAnswers, renderedDraft, renderMarkdown } from '../src/lib/markdown.ts';
import { storedHtml, storedParagraphs } from '../src/lib/stored-html.ts';
import { splitParagraphs } from '../src/lib/text.ts';

const DRAFT_WORDS = 3_000;
const WORDS_PER_PARAGRAPH = 60;
const REVIEWS = 4;
const REVIEW_WORDS = 300;
const INLINE_PER_REVIEW = 8;
const INLINE_WORDS = 40;
const REPLIES_PER_REVIEW = 3;
const REPLY_WORDS = 50;
const ANSWERS = 2;
const ANSWER_WORDS = 30;
const QUEUE_PAGE = config.pagination.pageSize;
const WARMUP = 20;
const SAMPLES = 31;
/** Each sample times a batch this long, so process.cpuUsage's microseconds resolve even the fastest work. */
const BATCH_MS = 10;

const vocabulary = 'the river light moved slowly across her hands while the old house kept its silence and nobody said what they meant about winter'.split(' ');

/** Deterministic prose with the Markdown writers use: emphasis, strong, a link, quotes for the typographer. */
function prose(wordCount, seed) {
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31);
  const words = Array.from({ length: wordCount }, (_, i) => {
    const word = vocabulary[next() % vocabulary.length];
    const roll = next() % 40;
    if (roll === 0) return `*${word}*`;
    if (roll === 1) return `**${word}**`;
    if (roll === 2) return `"${word}"`;
    if (roll === 3) return `[${word}](https://example.com/${i})`;
    return word;
  });
  return `${words.join(' ')}.`;
}

function draftBody(seed) {
  const paragraphs = Math.round(DRAFT_WORDS / WORDS_PER_PARAGRAPH);
  return Array.from({ length: paragraphs }, (_, p) => prose(WORDS_PER_PARAGRAPH, seed + p)).join('\n\n');
}

/** A draft page's texts as the database holds them: the Markdown, and the HTML migration 0010 stores beside it. */
function draftPage() {
  const body = draftBody(1);
  const reviews = Array.from({ length: REVIEWS }, (_, r) => {
    const review = { body: `${prose(REVIEW_WORDS / 2, 100 + r)}\n\n${prose(REVIEW_WORDS / 2, 200 + r)}` };
    const answers = Array.from({ length: ANSWERS }, (_, a) => ({ question: a, body: prose(ANSWER_WORDS, 300 + r * 10 + a) }));
    const inline = Array.from({ length: INLINE_PER_REVIEW }, (_, i) => ({ body: prose(INLINE_WORDS, 400 + r * 10 + i) }));
    const replies = Array.from({ length: REPLIES_PER_REVIEW }, (_, i) => ({ body: prose(REPLY_WORDS, 500 + r * 10 + i) }));
    return {
      body: review.body,
      body_html: renderMarkdown(review.body),
      answers: JSON.stringify(answers),
      stored_answers: renderedAnswers(answers),
      inline: inline.map((c) => ({ ...c, body_html: renderMarkdown(c.body) })),
      replies: replies.map((p) => ({ ...p, body_html: renderMarkdown(p.body) })),
    };
  });
  return { body, paragraphs_html: renderedDraft(body).paragraphsHtml, reviews };
}

/** What the draft page's read did before: every paragraph and every review text rendered on the request. */
function renderDraftPage(page) {
  const paragraphs = splitParagraphs(page.body).map((paragraph) => renderMarkdown(paragraph));
  const reviews = page.reviews.map((r) => ({
    body: renderMarkdown(r.body),
    answers: JSON.parse(r.answers).map((a) => renderMarkdown(a.body)),
    inline: r.inline.map((c) => renderMarkdown(c.body)),
    replies: r.replies.map((p) => renderMarkdown(p.body)),
  }));
  return paragraphs.length + reviews.length;
}

/** What it does now: the stored HTML, parsed out of its JSON where it is kept as JSON. */
function storedDraftPage(page) {
  const paragraphs = storedParagraphs(page.paragraphs_html, page.body);
  const reviews = page.reviews.map((r) => ({
    body: storedHtml(r.body_html, r.body),
    answers: JSON.parse(r.stored_answers).map((a) => storedHtml(a.html, a.body)),
    inline: r.inline.map((c) => storedHtml(c.body_html, c.body)),
    replies: r.replies.map((p) => storedHtml(p.body_html, p.body)),
  }));
  return paragraphs.length + reviews.length;
}

function queuePage() {
  return Array.from({ length: QUEUE_PAGE }, (_, i) => {
    const body = draftBody(1_000 + i * 100);
    return { body_start: body.slice(0, 600), excerpt: excerpt(body) };
  });
}

/**
 * Median CPU milliseconds (user + system) of one run of `work`, after WARMUP runs for the JIT. CPU time, not wall
 * time, so other processes on a shared machine do not inflate it.
 */
function median(work) {
  let sink = 0;
  for (let i = 0; i < WARMUP; i++) sink += work();
  const start = performance.now();
  sink += work();
  const batch = Math.max(1, Math.ceil(BATCH_MS / Math.max(performance.now() - start, 0.001)));
  const samples = [];
  for (let s = 0; s < SAMPLES; s++) {
    const before = process.cpuUsage();
    for (let i = 0; i < batch; i++) sink += work();
    const used = process.cpuUsage(before);
    samples.push((used.user + used.system) / 1000 / batch);
  }
  if (Number.isNaN(sink)) throw new Error('unreachable: keeps the work from being optimised away');
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const round = (ms) => Math.round(ms * 10_000) / 10_000;

/**
 * The CPU one read of a draft page and of a queue page spent rendering Markdown before migration 0010, and what
 * the same reads spend on the stored HTML now, in median milliseconds.
 *
 * @example
 * const { draftPageRenderMs, draftPageStoredMs } = await markdownCpu();
 */
export async function markdownCpu() {
  const page = draftPage();
  const queue = queuePage();
  const draftPageRenderMs = median(() => renderDraftPage(page));
  const draftPageStoredMs = median(() => storedDraftPage(page));
  const queuePageRenderMs = median(() => queue.reduce((n, row) => n + excerpt(row.body_start).length, 0));
  const queuePageStoredMs = median(() => queue.reduce((n, row) => n + row.excerpt.length, 0));
  return {
    description: `Median CPU ms per read, Node ${process.version}: a ${DRAFT_WORDS}-word draft page with ${REVIEWS} reviews (${INLINE_PER_REVIEW} inline comments, ${ANSWERS} answers, ${REPLIES_PER_REVIEW} replies each) and a queue page of ${QUEUE_PAGE} excerpts, rendering Markdown on the read (before) vs the HTML stored at write time (now).`,
    draftPageRenderMs: round(draftPageRenderMs),
    draftPageStoredMs: round(draftPageStoredMs),
    draftPageSpeedup: Math.round(draftPageRenderMs / draftPageStoredMs),
    queuePageRenderMs: round(queuePageRenderMs),
    queuePageStoredMs: round(queuePageStoredMs),
    draftPageTexts: Math.round(DRAFT_WORDS / WORDS_PER_PARAGRAPH) + REVIEWS * (1 + ANSWERS + INLINE_PER_REVIEW + REPLIES_PER_REVIEW),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await markdownCpu(), null, 2));
}
