import type { Member } from '../db/schema';
import { selectVisibleDraft, type DraftRow } from '../drafts/queries';
import { notFound } from '../lib/errors';
import { splitParagraphs } from '../lib/text';
import { compareParagraphs } from './compare-paragraphs';
import { previousVersionStatement, type PreviousRow } from './draft-context';

/** The draft's changes against its previous version, for a member who may see the draft. */
export async function draftChanges(d1: D1Database, viewer: Member, draftId: string, now: number) {
  const [draft, previous] = await d1.batch([
    selectVisibleDraft(d1, draftId, viewer.id, now),
    previousVersionStatement(d1, draftId, viewer.id, now),
  ]);
  const row = draft!.results[0] as DraftRow | undefined;
  if (!row) throw notFound('That draft');
  const before = previous!.results[0] as PreviousRow | undefined;
  return {
    previousVersionId: before?.id ?? null,
    blocks: compareParagraphs(before ? splitParagraphs(before.body) : [], splitParagraphs(row.body)),
  };
}
