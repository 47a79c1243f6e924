import type { Genre } from '../config';
import { splitParagraphs } from '../lib/text';
import type { DraftRow } from './queries';
import { maskToNotes } from '../content-notes/content-notes';

/** A draft as the API shows it; the author also sees the escrow and where each slot stands. */
export function presentDraft(row: DraftRow, viewerId: string) {
  const isMine = row.author_id === viewerId;
  return {
    id: row.id,
    title: row.title,
    genre: row.genre as Genre,
    note: row.note,
    contentNotes: maskToNotes(row.content_notes),
    body: row.body,
    wordCount: row.word_count,
    paragraphCount: splitParagraphs(row.body).length,
    pricePerReview: row.price_per_review,
    reviewsWanted: row.reviews_wanted,
    reviewsReceived: row.reviews_received,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    author: { id: row.author_id, name: row.author_name },
    isMine,
    questions: JSON.parse(row.questions) as string[],
    work: row.work_id ? { id: row.work_id, title: row.work_title ?? '', part: row.part ?? 1 } : null,
    previously: row.previously,
    version: row.version,
    previousVersionId: row.previous_version_id,
    nextVersionId: row.next_version_id,
    ...(isMine ? { escrow: row.escrow, slots: { reviewed: row.reviews_received, claimed: row.claimed, free: row.free_slots } } : {}),
  };
}

export type DraftView = ReturnType<typeof presentDraft>;
