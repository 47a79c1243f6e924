import { WORD_PATTERN } from '../lib/text';

export type ChangeBlock = { change: 'same' | 'changed' | 'added' | 'removed'; paragraph: number | null; previousParagraph: number | null };

/** A paragraph counts as changed, not new, when at least this share of its words (or the old one's) are in the other. */
const SIMILAR = 0.5;

const normalise = (paragraph: string) => paragraph.replace(/\s+/g, ' ').trim();
const wordSet = (paragraph: string) => new Set((paragraph.match(WORD_PATTERN) ?? []).map((w) => w.toLocaleLowerCase()));

function similarity(a: Set<string>, b: Set<string>) {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

/**
 * Paragraph by paragraph, what a new version did to the previous one. A
 * paragraph found unchanged anywhere in the old text is `same` (so reordering
 * is not a rewrite); one that shares most of its words with an old paragraph
 * not yet matched is `changed` (a paragraph split in two: the first half
 * changed, the second added); the rest are `added`; old paragraphs left over
 * are `removed`, placed before the first block that follows them.
 */
export function compareParagraphs(before: string[], after: string[]): ChangeBlock[] {
  const previousOf: Array<number | null> = after.map(() => null);
  const change: Array<ChangeBlock['change']> = after.map(() => 'added');
  const used = new Set<number>();
  const byText = new Map<string, number[]>();
  before.forEach((p, i) => byText.set(normalise(p), [...(byText.get(normalise(p)) ?? []), i]));
  after.forEach((p, j) => {
    const match = byText.get(normalise(p))?.shift();
    if (match === undefined) return;
    previousOf[j] = match;
    change[j] = 'same';
    used.add(match);
  });
  const beforeWords = before.map(wordSet);
  after.forEach((p, j) => {
    if (previousOf[j] !== null) return;
    const words = wordSet(p);
    let best: { i: number; score: number } | null = null;
    before.forEach((_, i) => {
      if (used.has(i)) return;
      const score = similarity(words, beforeWords[i]!);
      if (score >= SIMILAR && (!best || score > best.score)) best = { i, score };
    });
    if (!best) return;
    const { i } = best;
    previousOf[j] = i;
    change[j] = 'changed';
    used.add(i);
  });

  const removed = before.map((_, i) => i).filter((i) => !used.has(i));
  const blocks: ChangeBlock[] = [];
  const emitRemovedBefore = (limit: number) => {
    while (removed.length && removed[0]! < limit) blocks.push({ change: 'removed', paragraph: null, previousParagraph: removed.shift()! });
  };
  after.forEach((_, j) => {
    const previous = previousOf[j] ?? null;
    if (previous !== null) emitRemovedBefore(previous);
    blocks.push({ change: change[j]!, paragraph: j, previousParagraph: previous });
  });
  emitRemovedBefore(Infinity);
  return blocks;
}

