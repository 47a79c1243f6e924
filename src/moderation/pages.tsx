import { Hono, type Context } from 'hono';
import { config } from '../config';
import { requireModerator } from '../auth/moderators';
import { notifierFor } from '../email/notifier';
import type { AppEnv } from '../env';
import { ApiError } from '../lib/errors';
import { fieldErrors } from '../lib/validation';
import { FieldError, formFields, Notice } from '../ui/forms';
import { renderPage } from '../ui/render';
import { requirePageMember } from '../ui/require-page-member';
import { When } from '../ui/when';
import type { AdminReportView } from './context';
import { moderationLogStatement, reportsPage, reportsPageStatement, type LoggedAction } from './queries';
import { resolveReport } from './resolve';
import { ResolveReportSchema } from './schemas';
import { MODERATION_ACTIONS } from '../db/schema';

type Status = 'open' | 'resolved';

const actionLabels: Record<(typeof MODERATION_ACTIONS)[number], string> = {
  dismiss: 'Dismiss: nothing wrong',
  remove: 'Remove it (a removed review reopens its slot and its pay is clawed back)',
  suspend: 'Remove it and suspend the member (sessions end, open drafts withdrawn, claims released)',
};

function ResolveForm({ report, error }: { report: AdminReportView; error?: string }) {
  const noteId = `note-${report.id}`;
  return (
    <form method="post" action={`/admin/reports/${report.id}/resolve`}>
      <fieldset>
        <legend>Decision</legend>
        {MODERATION_ACTIONS.filter((a) => !(a === 'remove' && report.subject.type === 'member')).map((a, i) => (
          <label class="checkbox">
            <input type="radio" name="action" value={a} checked={i === 0} /> {actionLabels[a]}
          </label>
        ))}
      </fieldset>
      <label for={noteId}>Note (the member acted on reads it; it stays in the log)</label>
      <textarea id={noteId} name="note" rows={2} required maxlength={config.safety.moderationNoteMaxLength}
        aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${noteId}-error` : undefined} />
      <FieldError id={`${noteId}-error`} message={error} />
      <button type="submit">Resolve<span class="visually-hidden"> the report of {report.subject.description}</span></button>
    </form>
  );
}

function ReportCard({ report, error }: { report: AdminReportView; error?: string }) {
  return (
    <li class="card report-card" id={`report-${report.id}`}>
      <h2 class="item-title">
        {report.reason} · {report.subject.description}
      </h2>
      <p class="item-meta">
        By {report.member.name}
        {report.member.suspended ? ' (suspended)' : ''} · reported by {report.reporter.name} on <When value={report.createdAt} /> ·{' '}
        {report.reporters === 1 ? '1 member reported it' : `${report.reporters} members reported it`}
        {report.subject.removed ? ' · removed' : ''}
      </p>
      {report.subject.inReplyTo ? (
        <>
          <p class="muted">In reply to the review:</p>
          <blockquote class="report-subject">{report.subject.inReplyTo}</blockquote>
          <p class="muted">The reply:</p>
        </>
      ) : null}
      {report.subject.excerpt ? <blockquote class="report-subject">{report.subject.excerpt}</blockquote> : null}
      {report.details ? (
        <p>
          <span class="label">Reporter’s details:</span> {report.details}
        </p>
      ) : null}
      {report.status === 'open' ? (
        <ResolveForm report={report} error={error} />
      ) : (
        <p>
          <strong>{report.action}</strong> by {report.moderator} {report.resolvedAt ? <When value={report.resolvedAt} time /> : null}: {report.note}
        </p>
      )}
    </li>
  );
}

function ModerationLog({ actions, next }: { actions: LoggedAction[]; next: number | null }) {
  return (
    <section aria-labelledby="log-heading">
      <h2 id="log-heading">Moderation log</h2>
      {actions.length === 0 ? <p class="empty">No action taken yet.</p> : null}
      {actions.length ? (
        <table class="data">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Moderator</th>
              <th scope="col">Action</th>
              <th scope="col">Subject</th>
              <th scope="col">Member</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((a) => (
              <tr>
                <td><When value={a.createdAt} time /></td>
                <td>{a.moderatorName}</td>
                <td>{a.action}</td>
                <td>{a.subjectType} {a.subjectId}</td>
                <td>{a.memberName}</td>
                <td>{a.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {next ? (
        <p class="pager">
          <a href={`/admin/reports?log=${next}#log-heading`}>Older actions</a>
        </p>
      ) : null}
    </section>
  );
}

async function showReports(c: Context<AppEnv>, options: { error?: { reportId: string; message: string }; resolved?: boolean } = {}, httpStatus: 200 | 400 = 200) {
  const status: Status = c.req.query('status') === 'resolved' ? 'resolved' : 'open';
  const cursor = c.req.query('cursor') || undefined;
  const logBefore = Number(c.req.query('log')) || null;
  const [reports, log] = await c.env.DB.batch([reportsPageStatement(c.env.DB, status, cursor), moderationLogStatement(c.env.DB, logBefore)]);
  const page = reportsPage(reports!.results as never[], status);
  const logRows = log!.results as LoggedAction[];
  const actions = logRows.slice(0, config.pagination.pageSize);
  const nextLog = logRows.length > config.pagination.pageSize ? actions.at(-1)!.seq : null;
  return renderPage(
    c,
    'Reports',
    <section>
      <h1>Reports</h1>
      {options.resolved ? <Notice>Report resolved.</Notice> : null}
      <nav class="tabs" aria-label="Report lists">
        <a href="/admin/reports" aria-current={status === 'open' ? 'page' : undefined}>Open</a>
        <a href="/admin/reports?status=resolved" aria-current={status === 'resolved' ? 'page' : undefined}>Resolved</a>
      </nav>
      {page.items.length === 0 ? <p class="empty">{status === 'open' ? 'No open reports. Nothing needs you right now.' : 'No report resolved yet.'}</p> : null}
      <ol class="items">
        {page.items.map((report) => (
          <ReportCard report={report} error={options.error?.reportId === report.id ? options.error.message : undefined} />
        ))}
      </ol>
      {page.nextCursor || cursor ? (
        <p class="pager">
          {cursor ? <a href={`/admin/reports?status=${status}`}>Start</a> : null}
          {page.nextCursor ? <a href={`/admin/reports?status=${status}&cursor=${encodeURIComponent(page.nextCursor)}`}>More</a> : null}
        </p>
      ) : null}
      <ModerationLog actions={actions} next={nextLog} />
    </section>,
    httpStatus,
  );
}

/** The moderators' page: open and resolved reports, each subject in context, a decision form, and the log. */
export const moderationPages = new Hono<AppEnv>()
  .use('/admin/reports', requirePageMember, requireModerator)
  .use('/admin/reports/*', requirePageMember, requireModerator)
  .get('/admin/reports', (c) => showReports(c, { resolved: c.req.query('resolved') === '1' }))
  .post('/admin/reports/:id/resolve', async (c) => {
    const reportId = c.req.param('id');
    const form = await formFields(c.req);
    const parsed = ResolveReportSchema.safeParse({ action: form.action, note: form.note });
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error);
      return showReports(c, { error: { reportId, message: errors.note ?? errors.action ?? 'Choose a decision and write a note.' } }, 400);
    }
    try {
      await resolveReport(c.env.DB, c.var.member!, reportId, parsed.data, c.var.clock(), notifierFor(c));
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) return showReports(c, { error: { reportId, message: error.message } }, 400);
      throw error;
    }
    return c.redirect('/admin/reports?resolved=1', 303);
  });
