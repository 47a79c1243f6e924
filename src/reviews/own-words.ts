import { config } from '../config';
import { WORD_PATTERN } from '../lib/text';

/*
 * Own words (DESIGN.md "Reviews"): the words a reviewer is paid for are their
 * own. A run of `config.reviews.copiedRunWords` or more words that also
 * appears, in the same order, in the draft does not count. Words are matched
 * case-blind by Unicode letters and digits, so a draft in any script is
 * compared the same way, and Markdown around a copied passage (a `>` quote,
 * emphasis) does not hide it. public/assets/app.js mirrors this for the
 * review form's live counter: change both together.
 */

const wordsOf = (text: string) => (text.match(WORD_PATTERN) ?? []).map((word) => word.toLocaleLowerCase());

/** Every run of `run` consecutive words of the draft, as one key each. */
function runsOf(words: string[], run: number): Set<string> {
  const runs = new Set<string>();
  for (let i = 0; i + run <= words.length; i++) runs.add(words.slice(i, i + run).join(' '));
  return runs;
}

/**
 * The words of `texts` (overall comment, inline comments, answers: each
 * compared on its own) that are the reviewer's own, and how many of them are
 * distinct.
 */
export function ownWords(texts: string[], draftBody: string, run: number = config.reviews.copiedRunWords) {
  const draftRuns = runsOf(wordsOf(draftBody), run);
  let count = 0;
  let copied = 0;
  const distinct = new Set<string>();
  for (const text of texts) {
    const words = wordsOf(text);
    const fromDraft = new Array<boolean>(words.length).fill(false);
    for (let i = 0; i + run <= words.length; i++) {
      if (draftRuns.has(words.slice(i, i + run).join(' '))) fromDraft.fill(true, i, i + run);
    }
    words.forEach((word, i) => {
      if (fromDraft[i]) {
        copied++;
        return;
      }
      count++;
      distinct.add(word);
    });
  }
  return { count, copied, distinct: distinct.size };
}
