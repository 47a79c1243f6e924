import { Resend } from 'resend';
import { EmailSendError, type EmailTransport } from './message';

export const DEFAULT_RESEND_BASE_URL = 'https://api.resend.com';

/** Resend, reached at a configurable base URL so a local fake can stand in. */
export function resendTransport(options: { apiKey: string; baseUrl?: string; from: string }): EmailTransport {
  const client = new Resend(options.apiKey, { baseUrl: options.baseUrl || DEFAULT_RESEND_BASE_URL });
  return {
    name: 'resend',
    async send(message, idempotencyKey) {
      const { error, headers } = await client.emails.send(
        {
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers: message.headers,
        },
        { idempotencyKey },
      );
      if (error) {
        const retryAfter = Number(headers?.['retry-after']);
        throw new EmailSendError(
          `Resend: ${error.message}`,
          error.statusCode ?? null,
          Number.isFinite(retryAfter) ? retryAfter : undefined,
        );
      }
    },
  };
}
