import { config } from '../config';
import type { EmailMessage } from '../email/message';
import { EmailShell, renderEmailHtml } from '../email/render';

export function signInUrl(origin: string, token: string): string {
  return `${origin}/auth/callback?token=${encodeURIComponent(token)}`;
}

const minutes = config.auth.linkTokenLifetimeMs / 60_000;
const footer = 'You get this email because someone asked to sign in to Volley with this address. If it was not you, ignore it: nothing happens without the link or the code.';

/** The sign-in email: a link, and a code for typing on another device. Transactional: no unsubscribe, it only goes out when asked for. */
export async function signInEmail(to: string, url: string, code: string): Promise<EmailMessage> {
  const html = await renderEmailHtml(
    <EmailShell title="Your Volley sign-in link" footer={footer}>
      <p>Here is your sign-in link for Volley. It works once, for the next {minutes} minutes.</p>
      <p>
        <a href={url} style="display:inline-block;background:#8a3b12;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;font-family:system-ui,sans-serif;">
          Sign in to Volley
        </a>
      </p>
      <p>Or type this code where you asked to sign in:</p>
      <p style="font-size:32px;font-weight:bold;letter-spacing:6px;font-family:ui-monospace,Menlo,Consolas,monospace;margin:8px 0 16px;">{code}</p>
      <p style="font-size:14px;color:#5c5750;">The link and the code are one: using either uses both.</p>
      <p style="font-size:14px;color:#5c5750;word-break:break-all;">If the button does not work, paste this address into your browser: {url}</p>
    </EmailShell>,
  );
  const text = [
    'Here is your sign-in link for Volley.',
    `It works once, for the next ${minutes} minutes:`,
    '',
    url,
    '',
    'Or type this code where you asked to sign in:',
    '',
    `    ${code}`,
    '',
    'The link and the code are one: using either uses both.',
    '',
    footer,
  ].join('\n');
  return { to, subject: 'Your Volley sign-in link', text, html };
}
