import type { Bindings } from '../env';
import { linkOrigin, plain, unsubscribeLink } from './links';
import { EmailShell, renderEmailHtml } from './render';
import type { OutboxEmail } from './outbox';
import { groupOf, type NotificationKind, type PreferenceGroup, type TransactionalKind } from './unsubscribe';

/**
 * What a notification needs beyond its content when it is written. Links are
 * not here: they are filled in when the email is sent (see links.ts).
 */
export type EmailContext = { mailto?: string };

export function emailContext(env: Bindings): EmailContext {
  return { mailto: env.UNSUBSCRIBE_MAILTO || undefined };
}

export type Recipient = { id: string; email: string; name: string };

export type NotificationContent = {
  subject: string;
  /** Plain sentences; each becomes a paragraph. */
  lines: string[];
  /** Set off as a quotation, e.g. the start of a review. */
  quote?: string;
  link: { path: string; label: string };
};

const why: Record<PreferenceGroup, string> = {
  reviews: 'You get this because you posted a draft on Volley and asked to hear about its reviews.',
  activity: 'You get this because you take part in reviews on Volley.',
  new_drafts: 'You get this because you follow these genres on Volley.',
  claims: 'You get this because you claimed a draft to review on Volley.',
  returning: 'You get this because you reviewed an earlier part or version of this writing on Volley.',
  following: 'You get this because you follow this writer on Volley.',
};

/** Both bodies of an email to a member: greeting, lines, quote, one button, and a footer saying why it came. */
async function compose(recipient: Recipient, content: NotificationContent, why: string, unsubscribe: string | null) {
  const url = `${linkOrigin}${content.link.path}`;
  const settings = `${linkOrigin}/settings`;
  const footer = unsubscribe ? `${why} Turn these off: ${unsubscribe} · All settings: ${settings}` : why;
  const name = plain(recipient.name);
  const subject = plain(content.subject);
  const lines = content.lines.map(plain);
  const quote = content.quote === undefined ? undefined : plain(content.quote);

  const text = [
    `Hi ${name},`,
    '',
    ...lines.flatMap((line) => [line, '']),
    ...(quote ? [quote.replace(/^/gm, '> '), ''] : []),
    `${content.link.label}: ${url}`,
    '',
    '—',
    why,
    ...(unsubscribe ? [`Unsubscribe from these: ${unsubscribe}`, `All email settings: ${settings}`] : []),
  ].join('\n');

  const html = await renderEmailHtml(
    <EmailShell title={subject} footer={footer}>
      <p>Hi {name},</p>
      {lines.map((line) => (
        <p>{line}</p>
      ))}
      {quote ? (
        <blockquote style="margin:0 0 16px;padding-left:14px;border-left:3px solid #dcd6cb;color:#3d3a35;">{quote}</blockquote>
      ) : null}
      <p>
        <a href={url} style="display:inline-block;background:#8a3b12;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;font-family:system-ui,sans-serif;">
          {content.link.label}
        </a>
      </p>
      {unsubscribe ? (
        <p style="font-family:system-ui,sans-serif;font-size:13px;">
          <a href={unsubscribe} style="color:#5c5750;">Unsubscribe from these emails</a>
        </p>
      ) : null}
    </EmailShell>,
  );
  return { to: recipient.email, subject, text, html };
}

/**
 * A notification with both bodies, the member's name, a link straight to the
 * thing, a footer saying why it came, and RFC 8058 one-click unsubscribe for
 * its preference group.
 */
export async function notification(
  ctx: EmailContext,
  recipient: Recipient,
  kind: NotificationKind,
  content: NotificationContent,
  dedupeKey?: string,
): Promise<OutboxEmail> {
  const unsubscribe = unsubscribeLink;
  const listUnsubscribe = [`<${unsubscribe}>`, ...(ctx.mailto ? [`<mailto:${ctx.mailto}?subject=unsubscribe>`] : [])].join(', ');
  return {
    kind,
    memberId: recipient.id,
    dedupeKey,
    message: {
      ...(await compose(recipient, content, why[groupOf[kind]], unsubscribe)),
      headers: { 'List-Unsubscribe': listUnsubscribe, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    },
  };
}

/**
 * An email about the member's own account that no preference turns off (see
 * TRANSACTIONAL_KINDS): the same shape as a notification, without unsubscribe.
 */
export async function transactionalEmail(
  recipient: Recipient,
  kind: Exclude<TransactionalKind, 'sign_in'>,
  content: NotificationContent & { why: string },
  dedupeKey?: string,
): Promise<OutboxEmail> {
  return { kind, memberId: recipient.id, dedupeKey, message: await compose(recipient, content, content.why, null) };
}
