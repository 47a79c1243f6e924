import type { EmailKind } from '../db/schema';
import type { Bindings } from '../env';
import { EmailShell, renderEmailHtml } from './render';
import type { OutboxEmail } from './outbox';
import { groupOf, unsubscribeSecret, unsubscribeUrl, type PreferenceGroup } from './unsubscribe';

/** What every notification needs to build its links. */
export type EmailContext = { origin: string; secret: string; mailto?: string };

export function emailContext(env: Bindings, requestOrigin?: string): EmailContext {
  return {
    origin: env.APP_ORIGIN || requestOrigin || 'http://localhost:8787',
    secret: unsubscribeSecret(env),
    mailto: env.UNSUBSCRIBE_MAILTO || undefined,
  };
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
  activity: 'You get this because you take part in this review’s thread on Volley.',
  new_drafts: 'You get this because you follow these genres on Volley.',
  claims: 'You get this because you claimed a draft to review on Volley.',
};

/**
 * A notification with both bodies, the member's name, a link straight to the
 * thing, a footer saying why it came, and RFC 8058 one-click unsubscribe for
 * its preference group.
 */
export async function notification(
  ctx: EmailContext,
  recipient: Recipient,
  kind: Exclude<EmailKind, 'sign_in'>,
  content: NotificationContent,
  dedupeKey?: string,
): Promise<OutboxEmail> {
  const group = groupOf[kind];
  const unsubscribe = await unsubscribeUrl(ctx.origin, ctx.secret, recipient.id, group);
  const url = `${ctx.origin}${content.link.path}`;
  const footer = `${why[group]} Turn these off: ${unsubscribe} · All settings: ${ctx.origin}/settings`;

  const text = [
    `Hi ${recipient.name},`,
    '',
    ...content.lines.flatMap((line) => [line, '']),
    ...(content.quote ? [content.quote.replace(/^/gm, '> '), ''] : []),
    `${content.link.label}: ${url}`,
    '',
    '—',
    why[group],
    `Unsubscribe from these: ${unsubscribe}`,
    `All email settings: ${ctx.origin}/settings`,
  ].join('\n');

  const html = await renderEmailHtml(
    <EmailShell title={content.subject} footer={footer}>
      <p>Hi {recipient.name},</p>
      {content.lines.map((line) => (
        <p>{line}</p>
      ))}
      {content.quote ? (
        <blockquote style="margin:0 0 16px;padding-left:14px;border-left:3px solid #dcd6cb;color:#3d3a35;">{content.quote}</blockquote>
      ) : null}
      <p>
        <a href={url} style="display:inline-block;background:#8a3b12;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;font-family:system-ui,sans-serif;">
          {content.link.label}
        </a>
      </p>
      <p style="font-family:system-ui,sans-serif;font-size:13px;">
        <a href={unsubscribe} style="color:#5c5750;">Unsubscribe from these emails</a>
      </p>
    </EmailShell>,
  );

  const listUnsubscribe = [`<${unsubscribe}>`, ...(ctx.mailto ? [`<mailto:${ctx.mailto}?subject=unsubscribe>`] : [])].join(', ');
  return {
    kind,
    memberId: recipient.id,
    dedupeKey,
    message: {
      to: recipient.email,
      subject: content.subject,
      text,
      html,
      headers: { 'List-Unsubscribe': listUnsubscribe, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    },
  };
}
