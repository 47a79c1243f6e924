import { z } from '@hono/zod-openapi';
import { config } from '../config';
import { REPORT_REASONS, REPORT_SUBJECTS } from '../db/schema';

export const ReportSubjectTypeSchema = z.enum(REPORT_SUBJECTS, { error: `Report one of: ${REPORT_SUBJECTS.join(', ')}.` });
export const ReportReasonSchema = z.enum(REPORT_REASONS, { error: `Give a reason: ${REPORT_REASONS.join(', ')}.` });

export const CreateReportSchema = z
  .object({
    subject: z.object({ type: ReportSubjectTypeSchema, id: z.string().min(1).max(64) }).strict(),
    reason: ReportReasonSchema,
    details: z
      .string()
      .trim()
      .max(config.safety.reportDetailsMaxLength, `Keep the details under ${config.safety.reportDetailsMaxLength} characters.`)
      .optional(),
  })
  .strict()
  .openapi('CreateReport');

export type CreateReportInput = z.infer<typeof CreateReportSchema>;

export const ReportSchema = z
  .object({
    id: z.string(),
    status: z.enum(['open', 'resolved']),
    subject: z.object({ type: ReportSubjectTypeSchema, id: z.string() }),
    reason: ReportReasonSchema,
    details: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Report');
