import type { Child } from 'hono/jsx';
import { genreLabel, reviewProgress, wordCount } from './format';
import { MemberLink } from './member-link';

/** The anchor of a paragraph: 1-based, as pages number them (the API's index is 0-based). */
export const paragraphAnchor = (index: number) => `p-${index + 1}`;
export const marginAnchor = (index: number) => `notes-${index + 1}`;

type ManuscriptProps = {
  /** The draft's paragraphs as HTML, stored when it was posted (storedParagraphs). */
  paragraphs: string[];
  /** What sits beside paragraph `index` (its comments, or a box to write one); null for nothing. */
  margin?: (index: number) => Child | null;
  /** The margin holds a box to write a comment in (the review page): app.js opens it when the paragraph is clicked. */
  commentable?: boolean;
};

/**
 * A draft set for reading, one row per paragraph: its number in the gutter,
 * the text, and a margin beside it on a wide screen (under it on a phone).
 * When a paragraph has something in its margin, its number links there, and
 * the margin links back, so either can be reached from the other.
 */
export function Manuscript({ paragraphs, margin, commentable }: ManuscriptProps) {
  return (
    <div class={commentable ? 'manuscript commentable' : 'manuscript'}>
      {paragraphs.map((html, index) => {
        const number = index + 1;
        const aside = margin?.(index) ?? null;
        return (
          <div class="para-row" id={paragraphAnchor(index)} data-paragraph={index}>
            {aside && !commentable ? (
              <a class="para-num" href={`#${marginAnchor(index)}`} title={`Comments on paragraph ${number}`}>
                <span class="visually-hidden">Paragraph </span>
                {number}
              </a>
            ) : (
              <span class="para-num">
                <span class="visually-hidden">Paragraph </span>
                {number}
              </span>
            )}
            <div class="para-text" dangerouslySetInnerHTML={{ __html: html }} />
            {aside ? (
              <div class="para-margin" id={marginAnchor(index)}>
                {aside}
              </div>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

/** What the line under a draft's title needs; drafts' presentDraft gives all of it. */
export type DraftSummary = {
  genre: string;
  wordCount: number;
  isMine: boolean;
  author: { id: string; name: string };
  reviewsReceived: number;
  reviewsWanted: number;
};

/** "Fiction · 412 words · by Writer QX2B". */
export function DraftMeta({ draft }: { draft: DraftSummary }) {
  return (
    <p class="draft-meta">
      <span>{genreLabel(draft.genre)}</span>
      <span>{wordCount(draft.wordCount)}</span>
      <span>by {draft.isMine ? 'you' : <MemberLink member={draft.author} />}</span>
      <span>{reviewProgress(draft.reviewsReceived, draft.reviewsWanted)}</span>
    </p>
  );
}

/** What the author asked reviewers to look at, kept as they typed it. */
export function AuthorNote({ note }: { note: string | null }) {
  if (!note) return null;
  return (
    <aside class="author-note" aria-label="Note from the author">
      <h2>What the author wants to know</h2>
      <p>{note}</p>
    </aside>
  );
}
