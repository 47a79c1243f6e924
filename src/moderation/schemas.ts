import { z } from '@hono/zod-openapi';
import { config } from '../config';
import { MODERATION_ACTIONS } from '../db/schema';
import { ReportReasonSchema, ReportSubjectTypeSchema } from '../reports/schemas';

export const ResolveReportSchema = z
  .object({
    action: z.enum(MODERATION_ACTIONS, { error: `Choose one of: ${MODERATION_ACTIONS.join(', ')}.` }),
    note: z
      .string({ error: 'Write a note: the member acted on reads it, and it stays in the moderation log.' })
      .trim()
      .min(1, 'Write a note: the member acted on reads it, and it stays in the moderation log.')
      .max(config.safety.moderationNoteMaxLength, `Keep the note under ${config.safety.moderationNoteMaxLength} characters.`),
  })
  .strict()
  .openapi('ResolveReport');

export const AdminReportsQuery = z
  .object({
    status: z.enum(['open', 'resolved'], { error: 'status is open or resolved.' }).default('open'),
    cursor: z.string().max(500).optional(),
  })
  .strict();

export const AdminReportSchema = z
  .object({
    id: z.string(),
    status: z.enum(['open', 'resolved']),
    subject: z.object({
      type: ReportSubjectTypeSchema,
      id: z.string(),
      description: z.string(),
      excerpt: z.string().nullable(),
      inReplyTo: z.string().nullable(),
      removed: z.boolean(),
    }),
    member: z.object({ id: z.string(), name: z.string(), suspended: z.boolean() }),
    draft: z.object({ id: z.string(), title: z.string().nullable() }).nullable(),
    reason: ReportReasonSchema,
    details: z.string().nullable(),
    reporter: z.object({ name: z.string() }),
    reporters: z.number().int(),
    createdAt: z.string(),
    resolvedAt: z.string().nullable(),
    action: z.enum(MODERATION_ACTIONS).nullable(),
    note: z.string().nullable(),
    moderator: z.string().nullable(),
  })
  .openapi('AdminReport');

export const AdminReportListSchema = z
  .object({ items: z.array(AdminReportSchema), nextCursor: z.string().nullable() })
  .openapi('AdminReportList');
