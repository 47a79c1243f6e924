import { z } from '@hono/zod-openapi';
import { config } from '../config';

export const InlineCommentInput = z
  .object({
    paragraph: z
      .number({ error: 'Say which paragraph (0-based index).' })
      .int('Paragraph indexes are whole numbers.')
      .min(0, 'Paragraph indexes start at 0.'),
    quote: z.string().trim().max(config.reviews.quoteMaxLength, `Quotes are at most ${config.reviews.quoteMaxLength} characters.`).default(''),
    body: z.string({ error: 'Write the comment.' }).trim().min(1, 'Write the comment.'),
  })
  .strict();

export const SubmitReviewSchema = z
  .object({
    body: z.string({ error: 'Write an overall review.' }).trim().min(1, 'Write an overall review.'),
    inline: z
      .array(InlineCommentInput)
      .max(config.reviews.maxInlineComments, `At most ${config.reviews.maxInlineComments} inline comments.`)
      .default([]),
    answers: z
      .array(
        z
          .object({
            question: z.number({ error: 'Say which question (0-based index).' }).int('Question indexes are whole numbers.').min(0, 'Question indexes start at 0.'),
            body: z.string({ error: 'Write the answer.' }).trim(),
          })
          .strict(),
      )
      .max(config.drafts.maxQuestions, `A draft asks at most ${config.drafts.maxQuestions} questions.`)
      .default([])
      .openapi({ description: 'One answer to each of the author’s questions, each at least 10 words.' }),
  })
  .strict()
  .openapi('SubmitReview');

export type SubmitReviewInput = z.infer<typeof SubmitReviewSchema>;

export const RatingSchema = z.object({ helpful: z.boolean({ error: 'Say true or false.' }) }).strict().openapi('Rating');

export const ReplyInputSchema = z
  .object({
    body: z
      .string({ error: 'Write the reply.' })
      .trim()
      .min(1, 'Write the reply.')
      .max(config.reviews.replyMaxLength, `Replies are at most ${config.reviews.replyMaxLength} characters.`),
  })
  .strict()
  .openapi('ReplyInput');

const Person = z.object({ id: z.string(), name: z.string() });

export const ReplySchema = z
  .object({ id: z.string(), reviewId: z.string(), author: Person, body: z.string(), createdAt: z.string() })
  .openapi('Reply');

export const ReviewSchema = z
  .object({
    id: z.string(),
    draftId: z.string(),
    reviewer: Person,
    body: z.string(),
    wordCount: z.number().int(),
    inline: z.array(z.object({ paragraph: z.number().int(), quote: z.string(), body: z.string() })),
    /** Answers to the draft's questions, in question order. */
    answers: z.array(z.object({ question: z.number().int(), body: z.string() })),
    helpful: z.boolean().nullable(),
    ratedAt: z.string().nullable(),
    createdAt: z.string(),
    replies: z.array(ReplySchema),
    /** Credits the reviewer was paid for it. */
    paid: z.number().int(),
  })
  .openapi('Review');

export const ReviewListSchema = z
  .object({ items: z.array(ReviewSchema), nextCursor: z.string().nullable() })
  .openapi('ReviewList');

