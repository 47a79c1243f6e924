import { z } from '@hono/zod-openapi';
import { config } from '../config';
import { GenreSchema } from '../drafts/schemas';

export const ContentNoteSchema = z.enum(config.safety.contentNotes, {
  error: `Content notes are: ${config.safety.contentNotes.join(', ')}.`,
});

export const CreateWorkSchema = z
  .object({
    title: z
      .string({ error: 'Give the work a title.' })
      .trim()
      .min(1, 'Give the work a title.')
      .max(config.drafts.titleMaxLength, `Titles are at most ${config.drafts.titleMaxLength} characters.`),
    genre: GenreSchema,
    synopsis: z
      .string()
      .trim()
      .max(config.works.synopsisMaxLength, `Keep the synopsis under ${config.works.synopsisMaxLength} characters.`)
      .optional(),
    contentNotes: z.array(ContentNoteSchema).max(config.safety.contentNotes.length).default([]),
  })
  .strict()
  .openapi('CreateWork');

export type CreateWorkInput = z.infer<typeof CreateWorkSchema>;

export const WorkPartSchema = z.object({
  id: z.string(),
  part: z.number().int(),
  title: z.string(),
  status: z.enum(['open', 'closed', 'withdrawn']),
  reviewsWanted: z.number().int(),
  reviewsReceived: z.number().int(),
  /** The latest version of the part; earlier ones are on its page. */
  version: z.number().int(),
});

export const WorkSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    genre: GenreSchema,
    synopsis: z.string().nullable(),
    contentNotes: z.array(ContentNoteSchema),
    author: z.object({ id: z.string(), name: z.string() }),
    createdAt: z.string(),
    parts: z.array(WorkPartSchema),
  })
  .openapi('Work');

export const WorkListSchema = z.object({ items: z.array(WorkSchema), nextCursor: z.string().nullable() }).openapi('WorkList');

export const ListWorksQuery = z
  .object({
    mine: z.enum(['1'], { error: 'Only your own works are listed (mine=1); find others’ parts in the queue.' }),
    cursor: z.string().max(500).optional(),
  })
  .strict();

export const ChangesSchema = z
  .object({
    previousVersionId: z.string().nullable(),
    blocks: z.array(
      z.object({
        change: z.enum(['same', 'changed', 'added', 'removed']),
        paragraph: z.number().int().nullable(),
        previousParagraph: z.number().int().nullable(),
      }),
    ),
  })
  .openapi('Changes');
