import { credits, genreLabel, reviewProgress, wordCount } from './format';

type OpenDraft = { id: string; title: string; genre: string; wordCount: number; pays: number; reviewsWanted: number; reviewsReceived: number };

/** Someone's open draft in a list (profiles, "return the favour"): what it is and what a review pays. */
export function OpenDraftItem({ draft }: { draft: OpenDraft }) {
  return (
    <li class="item">
      <div class="item-main">
        <a class="item-title" href={`/drafts/${draft.id}`}>
          {draft.title}
        </a>
        <span class="item-meta">
          {genreLabel(draft.genre)} · {wordCount(draft.wordCount)} · {reviewProgress(draft.reviewsReceived, draft.reviewsWanted)} · pays {credits(draft.pays)}
        </span>
      </div>
    </li>
  );
}
