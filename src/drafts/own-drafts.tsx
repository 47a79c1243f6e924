import { genreLabel, reviewProgress } from '../ui/format';
import { When } from '../ui/when';
import type { DraftView } from './present';

const statusLabel = { open: 'Open', closed: 'All reviews in', withdrawn: 'Withdrawn' } as const;

/** The member's drafts with how far each has got: on the dashboard and on /drafts. */
export function OwnDraftList({ drafts }: { drafts: DraftView[] }) {
  return (
    <ul class="items">
      {drafts.map((draft) => (
        <li class="item">
          <div class="item-main">
            <a class="item-title" href={`/drafts/${draft.id}`}>
              {draft.title}
            </a>
            <span class="item-meta">
              {genreLabel(draft.genre)} · posted <When value={draft.createdAt} /> ·{' '}
              <span class={`status status-${draft.status}`}>{statusLabel[draft.status]}</span>
            </span>
          </div>
          <span class="item-figure">{reviewProgress(draft.reviewsReceived, draft.reviewsWanted)}</span>
        </li>
      ))}
    </ul>
  );
}
