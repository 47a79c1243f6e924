import { sql } from 'drizzle-orm';
import { z } from '@hono/zod-openapi';
import { config, type ContentNote } from '../config';

const { contentNotes } = config.safety;

/**
 * Content notes are stored as a bitmask (bit i = config.safety.contentNotes[i]),
 * on drafts and on members' hidden notes, so keeping a member's hidden notes
 * out of the queue is one AND on a column of the row the index walk already
 * reads: no join, no subquery, nothing per note.
 */
export function notesToMask(notes: readonly ContentNote[]): number {
  return notes.reduce((mask, note) => mask | (1 << contentNotes.indexOf(note)), 0);
}

/** The notes of a mask, in the config's order. */
export function maskToNotes(mask: number): ContentNote[] {
  return contentNotes.filter((_, i) => (mask & (1 << i)) !== 0);
}

/**
 * The draft aliased `d` carries none of the notes the member hides: the queue's filter. The mask is read in the
 * same statement, so a queue read needs nothing of the member but their id.
 */
export const carriesNoneOf = (memberId: string) =>
  sql`(d.content_notes & (SELECT hidden_content_notes FROM members WHERE id = ${memberId})) = 0`;

export const ContentNoteSchema = z.enum(contentNotes, { error: `Content notes are: ${contentNotes.join(', ')}.` });

/** A list of notes as a request gives it: no repeats that matter, at most every note once. */
export const ContentNotesSchema = z.array(ContentNoteSchema).max(contentNotes.length);

/** How a note reads on a page or in an email. */
export const noteLabel = (note: ContentNote) => note.replace(/-/g, ' ');
