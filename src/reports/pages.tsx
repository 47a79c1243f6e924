import { Hono } from 'hono';
import { config } from '../config';
import type { AppEnv } from '../env';
import { ApiError, notFound } from '../lib/errors';
import { fieldErrors } from '../lib/validation';
import { ErrorSummary, FieldError, formFields, Notice } from '../ui/forms';
import { Refusal } from '../ui/refusal';
import { renderPage } from '../ui/render';
import { requirePageMember } from '../ui/require-page-member';
import { fileReport } from './reports';
import { CreateReportSchema, ReportSubjectTypeSchema } from './schemas';
import { REPORT_REASONS, type ReportSubject } from '../db/schema';

const reasonLabels: Record<(typeof REPORT_REASONS)[number], string> = {
  spam: 'Spam or advertising',
  'low-effort': 'Low effort: padded, copied or not about the draft',
  harassment: 'Harassment, abuse or threats',
  plagiarism: 'Plagiarism: someone else’s writing',
  other: 'Something else',
};

const what: Record<ReportSubject, string> = { draft: 'draft', review: 'review', reply: 'reply', member: 'member' };

type FormState = { type: ReportSubject; id: string; reason?: string; details?: string; errors?: Record<string, string>; sent?: boolean };

/**
 * The small report form, reached from a "Report" link beside a draft, a
 * review, a reply or a member (`/reports/new?type=member&id=<memberId>` for a
 * profile page). Reporting is private: the member reported is never told who reported them.
 */
function ReportForm({ type, id, reason, details, errors = {}, sent }: FormState) {
  if (sent) {
    return (
      <section class="narrow">
        <h1>Report sent</h1>
        <Notice>Thank you. The moderators will look at this {what[type]}; we email you once it is handled.</Notice>
        <p>
          <a href="/dashboard">Back to your dashboard</a>
        </p>
      </section>
    );
  }
  return (
    <section class="narrow">
      <h1>Report this {what[type]}</h1>
      <p class="lede-ui">Only Volley’s moderators see reports. The member you report is not told who reported them.</p>
      <ErrorSummary errors={errors} labels={{ reason: 'reason-spam', details: 'report-details' }} />
      <form method="post" action="/reports" class="card">
        <input type="hidden" name="type" value={type} />
        <input type="hidden" name="id" value={id} />
        <fieldset aria-describedby={errors.reason ? 'reason-error' : undefined}>
          <legend>What is wrong?</legend>
          {REPORT_REASONS.map((r) => (
            <label class="checkbox">
              <input type="radio" name="reason" value={r} id={`reason-${r}`} checked={reason === r} required /> {reasonLabels[r]}
            </label>
          ))}
          <FieldError id="reason-error" message={errors.reason} />
        </fieldset>
        <label for="report-details">
          Details <span class="optional">(optional)</span>
        </label>
        <textarea id="report-details" name="details" rows={4} maxlength={config.safety.reportDetailsMaxLength}
          aria-invalid={errors.details ? 'true' : undefined} aria-describedby={errors.details ? 'details-error' : undefined}>
          {details ?? ''}
        </textarea>
        <FieldError id="details-error" message={errors.details} />
        <button type="submit">Send report</button>
      </form>
    </section>
  );
}

const subjectOf = (type: string | undefined, id: string | undefined) => {
  const parsed = ReportSubjectTypeSchema.safeParse(type);
  if (!parsed.success || !id) throw notFound('That page');
  return { type: parsed.data, id };
};

export const reportPages = new Hono<AppEnv>()
  .get('/reports/new', requirePageMember, (c) => {
    const { type, id } = subjectOf(c.req.query('type'), c.req.query('id'));
    return renderPage(c, 'Report', <ReportForm type={type} id={id} sent={c.req.query('sent') === '1'} />);
  })
  .post('/reports', requirePageMember, async (c) => {
    const form = await formFields(c.req);
    const { type, id } = subjectOf(form.type, form.id);
    const parsed = CreateReportSchema.safeParse({ subject: { type, id }, reason: form.reason, details: form.details || undefined });
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error);
      const shown = { ...(errors.reason ? { reason: 'Choose what is wrong.' } : {}), ...(errors.details ? { details: errors.details } : {}) };
      return renderPage(c, 'Report', <ReportForm type={type} id={id} reason={form.reason} details={form.details} errors={shown} />, 400);
    }
    try {
      await fileReport(c.env.DB, c.env.REPORT_LIMITER, c.var.member!, parsed.data, c.var.clock());
    } catch (error) {
      if (!(error instanceof ApiError) || error.status === 404) throw error;
      return renderPage(c, 'Not sent', <Refusal title="The report was not sent" error={error} next={[{ href: '/dashboard', label: 'Back to your dashboard' }]} />, error.status);
    }
    return c.redirect(`/reports/new?type=${type}&id=${encodeURIComponent(id)}&sent=1`, 303);
  });
