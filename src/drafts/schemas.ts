import { z } from '@hono/zod-openapi';
import { DRAFT_STATUSES } from '../db/schema';
import { config } from '../config';
import { countWords } from '../lib/text';
import { ContentNotesSchema } from '../content-notes/content-notes';

const { drafts } = config;

export const GenreSchema = z.enum(drafts.genres, { error: `Pick one of: ${drafts.genres.join(', ')}.` });

export const QuestionsSchema = z
  .array(
    z
      .string({ error: 'Write each question as text.' })
      .trim()
      .min(1, 'Leave out empty questions.')
      .max(drafts.questionMaxLength, `Questions are at most ${drafts.questionMaxLength} characters.`),
  )
  .max(drafts.maxQuestions, `Ask at most ${drafts.maxQuestions} questions.`)
  .openapi({ description: 'Questions every review must answer, each in at least 10 words.' });

const DraftFields = {
  title: z
      .string({ error: 'Give the draft a title.' })
      .trim()
      .min(1, 'Give the draft a title.')
      .max(drafts.titleMaxLength, `Titles are at most ${drafts.titleMaxLength} characters.`),
    body: z
      .string({ error: 'Paste the draft itself.' })
      .refine((body) => countWords(body) >= drafts.minWords, 'Paste the draft itself.')
      .refine(
        (body) => countWords(body) <= drafts.maxWords,
        `Drafts are at most ${drafts.maxWords.toLocaleString('en')} words; split a longer piece into parts.`,
      ),
    reviewsWanted: z
      .number({ error: `Ask for ${drafts.minReviewsWanted} to ${drafts.maxReviewsWanted} reviews.` })
      .int(`Ask for ${drafts.minReviewsWanted} to ${drafts.maxReviewsWanted} reviews.`)
      .min(drafts.minReviewsWanted, `Ask for at least ${drafts.minReviewsWanted} review.`)
      .max(drafts.maxReviewsWanted, `Ask for at most ${drafts.maxReviewsWanted} reviews.`),
    note: z
      .string()
      .trim()
      .max(drafts.noteMaxLength, `Keep the note to reviewers under ${drafts.noteMaxLength} characters.`)
      .optional(),
    questions: QuestionsSchema.default([]),
};

export const PostDraftSchema = z
  .object({
    ...DraftFields,
    /** A part's genre defaults to its work's. */
    genre: GenreSchema.optional(),
    workId: z.string().min(1).max(100).optional().openapi({ description: 'Post this draft as the next part of your work.' }),
    previously: z
      .string()
      .trim()
      .max(config.works.previouslyMaxLength, `Keep “previously” under ${config.works.previouslyMaxLength} characters.`)
      .optional()
      .openapi({ description: 'The story so far, shown above a part’s text.' }),
    contentNotes: ContentNotesSchema.optional().openapi({ description: 'Shown before the text; members may hide drafts carrying any of them.' }),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (!input.genre && !input.workId) ctx.addIssue({ code: 'custom', path: ['genre'], message: `Pick one of: ${drafts.genres.join(', ')}.` });
  })
  .openapi('PostDraft');

/** A new version of a draft: its text and what it asks of reviewers again. */
export const ReviseDraftSchema = z
  .object({
    title: DraftFields.title.optional(),
    body: DraftFields.body,
    reviewsWanted: DraftFields.reviewsWanted,
    note: DraftFields.note,
    questions: QuestionsSchema.optional(),
  })
  .strict()
  .openapi('ReviseDraft');

export type ReviseDraftInput = z.infer<typeof ReviseDraftSchema>;

export type PostDraftInput = z.infer<typeof PostDraftSchema>;

/**
 * What every answer about a draft says of it, the draft itself and its queue
 * item alike: a plain shape, spread into each named schema, so each keeps its
 * own component name in the OpenAPI document.
 */
export const DraftSummaryFields = {
  id: z.string(),
  title: z.string(),
  genre: GenreSchema,
  note: z.string().nullable(),
  contentNotes: ContentNotesSchema,
  wordCount: z.number().int(),
  reviewsWanted: z.number().int(),
  reviewsReceived: z.number().int(),
  createdAt: z.string(),
  author: z.object({ id: z.string(), name: z.string() }),
};

export const DraftSchema = z
  .object({
    ...DraftSummaryFields,
    body: z.string(),
    paragraphCount: z.number().int(),
    pricePerReview: z.number().int(),
    status: z.enum(DRAFT_STATUSES),
    isMine: z.boolean(),
    /** Only for the author. */
    escrow: z.number().int().optional(),
    slots: z.object({ reviewed: z.number().int(), claimed: z.number().int(), free: z.number().int() }).optional(),
    questions: z.array(z.string()),
    work: z.object({ id: z.string(), title: z.string(), part: z.number().int() }).nullable(),
    previously: z.string().nullable(),
    version: z.number().int(),
    previousVersionId: z.string().nullable(),
    /** The version that replaced this one, if any. */
    nextVersionId: z.string().nullable(),
  })
  .openapi('Draft');

export const DraftListSchema = z
  .object({ items: z.array(DraftSchema), nextCursor: z.string().nullable() })
  .openapi('DraftList');


export const ListDraftsQuery = z
  .object({
    mine: z.enum(['1'], { error: 'Only your own drafts are listed here (mine=1); browse others in the queue.' }).optional(),
    cursor: z.string().max(500).optional(),
  })
  .strict();
