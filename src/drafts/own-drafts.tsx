import { genreLabel, reviewProgress } from '../ui/format';
import { When } from '../ui/when';
import type { DraftView } from './present';

const statusLabel = { open: 'Open', closed: 'All reviews in', withdrawn: 'Withdrawn' } as const;

function DraftItem({ draft, label }: { draft: DraftView; label: string }) {
  return (
    <li class="item">
      <div class="item-main">
        <a class="item-title" href={`/drafts/${draft.id}`}>
          {label}
        </a>
        <span class="item-meta">
          {genreLabel(draft.genre)} · posted <When value={draft.createdAt} /> ·{' '}
          <span class={`status status-${draft.status}`}>{statusLabel[draft.status]}</span>
          {draft.version > 1 ? ` · version ${draft.version}` : ''}
        </span>
      </div>
      <span class="item-figure">{reviewProgress(draft.reviewsReceived, draft.reviewsWanted)}</span>
    </li>
  );
}

/**
 * The member's drafts with how far each has got: on the dashboard and on
 * /drafts. The parts of a work sit together under it, where its newest part
 * falls, numbered in order.
 */
export function OwnDraftList({ drafts }: { drafts: DraftView[] }) {
  const groups: Array<DraftView | { work: NonNullable<DraftView['work']>; parts: DraftView[] }> = [];
  const byWork = new Map<string, DraftView[]>();
  for (const draft of drafts) {
    if (!draft.work) {
      groups.push(draft);
      continue;
    }
    const parts = byWork.get(draft.work.id);
    if (parts) parts.push(draft);
    else {
      const fresh = [draft];
      byWork.set(draft.work.id, fresh);
      groups.push({ work: draft.work, parts: fresh });
    }
  }
  return (
    <ul class="items">
      {groups.map((group) =>
        'parts' in group ? (
          <li class="item work-group">
            <div class="item-main">
              <a class="item-title" href={`/works/${group.work.id}`}>
                {group.work.title}
              </a>
              <ul class="items nested">
                {[...group.parts]
                  .sort((a, b) => a.work!.part - b.work!.part || a.version - b.version)
                  .map((draft) => (
                    <DraftItem draft={draft} label={`Part ${draft.work!.part}: ${draft.title}`} />
                  ))}
              </ul>
            </div>
          </li>
        ) : (
          <DraftItem draft={group} label={group.title} />
        ),
      )}
    </ul>
  );
}
