import type { SQL } from 'drizzle-orm';
import type { ModerationAction } from '../db/schema';
import { enqueueEmail } from '../email/outbox';
import { transactionalEmail } from '../email/notification';
import { describeSubject, type ReportInContext } from './context';

type Reporter = { reportId: string; id: string; email: string; name: string };

/*
 * Moderation outcomes are transactional email (TRANSACTIONAL_KINDS): a reporter
 * asked to be heard and is owed an answer; a member whose writing was removed
 * or whose account was suspended must learn what was done and why to contest
 * it, whatever their email preferences. So no unsubscribe, and no waiting for
 * the unsubscribe secret.
 */

const reporterWhy = 'You get this because you reported something on Volley. Email about your reports cannot be switched off.';
const memberWhy = 'You get this because a Volley moderator acted on your account. Email about your account cannot be switched off.';

/**
 * The outbox statements of a resolve, each written only if this resolve won
 * (`won`): every reporter of the subject hears that it was handled (not how,
 * which is between the moderators and the member), and the member acted on
 * hears what was done, the reason reported and the moderator's note.
 */
export async function moderationEmails(
  d1: D1Database,
  event: { report: ReportInContext; reporters: Reporter[]; action: ModerationAction; note: string; actionId: string; won: SQL; now: number },
) {
  const { report, action, note, won, now } = event;
  const what = describeSubject(report);
  const handled = await Promise.all(
    event.reporters.map((reporter) =>
      transactionalEmail(
        reporter,
        'report_handled',
        {
          subject: 'Your report was handled',
          lines: [
            `Thank you for reporting ${what}. A moderator has looked at it and handled it.`,
            'We do not say what was decided: that stays between the moderators and the member concerned.',
          ],
          link: { path: '/dashboard', label: 'Back to Volley' },
          why: reporterWhy,
        },
        `report_handled:${reporter.reportId}`,
      ),
    ),
  );
  const outcome =
    action === 'dismiss'
      ? null
      : await transactionalEmail(
          { id: report.ownerId, email: report.ownerEmail, name: report.ownerName },
          'moderation_notice',
          {
            subject: action === 'suspend' ? 'Your Volley account is suspended' : 'A moderator removed something you wrote',
            lines: [
              action === 'suspend'
                ? `A moderator suspended your Volley account after a report of ${what} for “${report.reason}”. You can no longer sign in; your open drafts are withdrawn with their unused credits refunded, and your claims are released.`
                : `A moderator removed ${what}, which you wrote, after a report for “${report.reason}”. Nobody but the moderators can see it now.`,
              ...(report.subjectType === 'review'
                ? ['A removed review reopens its slot: the credits it earned you go back to the draft’s escrow, taken from your balance as far as it allows.']
                : []),
              'The moderator’s note:',
            ],
            quote: note,
            link: { path: '/', label: 'Volley' },
            why: memberWhy,
          },
          `moderation_notice:${event.actionId}`,
        );
  return [...handled, ...(outcome ? [outcome] : [])].map((email) => enqueueEmail(d1, email, now, won));
}
