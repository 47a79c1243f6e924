import type { EmailMessage } from './message';
import { escapeHtml } from '../lib/escape-html';

/**
 * Links in an email are written with these stand-ins and filled in when the
 * email is sent, from the settings of that moment (`emailSetup`): an email
 * written while APP_ORIGIN or UNSUBSCRIBE_SECRET is missing waits in the
 * outbox instead of carrying a link to the wrong place, no link is ever built
 * from a request's Host, and no unsubscribe token rests in the outbox.
 * Private-use characters, removed from everything members write into an email.
 */
const ORIGIN = '\uE000origin\uE001';
const UNSUBSCRIBE = '\uE000unsubscribe\uE001';

/** The origin of every email link, sign-in included: `${linkOrigin}/auth/callback?token=…`. */
export const linkOrigin = ORIGIN;

/** Where the member's one-click unsubscribe link for this email goes. */
export const unsubscribeLink = UNSUBSCRIBE;

/** Members' words put into an email, with any stand-in taken out, so only Volley's own links are filled in. */
export const plain = (text: string) => text.replace(/[\uE000\uE001]/g, '');

/**
 * The message as sent: stand-ins replaced by the origin and, for a
 * notification, its unsubscribe URL (null when this email has none).
 */
export function fillLinks(message: EmailMessage, origin: string, unsubscribeUrl: string | null): EmailMessage {
  const fill = (text: string, escape: (t: string) => string = (t) => t) =>
    text.replaceAll(UNSUBSCRIBE, escape(unsubscribeUrl ?? '')).replaceAll(ORIGIN, escape(origin));
  return {
    ...message,
    subject: fill(message.subject),
    text: fill(message.text),
    html: fill(message.html, escapeHtml),
    headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, fill(value)])),
  };
}
