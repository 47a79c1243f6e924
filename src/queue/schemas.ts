import { z } from '@hono/zod-openapi';
import { GenreSchema } from '../drafts/schemas';
import { ContentNotesSchema } from '../content-notes/content-notes';

export const QueueQuery = z
  .object({
    genre: GenreSchema.optional(),
    cursor: z.string().max(500).optional(),
  })
  .strict();

export const QueueItemSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    genre: GenreSchema,
    note: z.string().nullable(),
    contentNotes: ContentNotesSchema,
    excerpt: z.string(),
    wordCount: z.number().int(),
    /** What a review of it pays. */
    pays: z.number().int(),
    reviewsWanted: z.number().int(),
    reviewsReceived: z.number().int(),
    freeSlots: z.number().int(),
    createdAt: z.string(),
    author: z.object({ id: z.string(), name: z.string() }),
    /** A new part or version of writing you reviewed, with a slot held for you: listed first, on the first page. */
    returning: z.boolean(),
    following: z.boolean().openapi({ description: 'You follow its author. Fairness still orders the queue.' }),
  })
  .openapi('QueueItem');

export const QueuePageSchema = z
  .object({ items: z.array(QueueItemSchema), nextCursor: z.string().nullable() })
  .openapi('QueuePage');
