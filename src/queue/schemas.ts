import { z } from '@hono/zod-openapi';
import { DraftSummaryFields, GenreSchema } from '../drafts/schemas';

export const QueueQuery = z
  .object({
    genre: GenreSchema.optional(),
    cursor: z.string().max(500).optional(),
  })
  .strict();

export const QueueItemSchema = z
  .object({
    ...DraftSummaryFields,
    excerpt: z.string(),
    /** What a review of it pays. */
    pays: z.number().int(),
    freeSlots: z.number().int(),
    /** A new part or version of writing you reviewed, with a slot held for you: listed first, on the first page. */
    returning: z.boolean(),
    following: z.boolean().openapi({ description: 'You follow its author. Fairness still orders the queue.' }),
  })
  .openapi('QueueItem');

export const QueuePageSchema = z
  .object({ items: z.array(QueueItemSchema), nextCursor: z.string().nullable() })
  .openapi('QueuePage');
