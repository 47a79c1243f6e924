import { Resend } from 'resend';
import { EmailSendError, type EmailTransport } from './message';

export const DEFAULT_RESEND_BASE_URL = 'https://api.resend.com';

/** Resend, reached at a configurable base URL so a local fake can stand in. */
export function resendTransport(options: { apiKey: string; baseUrl?: string; from: string; timeoutMs: number }): EmailTransport {
  const client = new Resend(options.apiKey, { baseUrl: options.baseUrl || DEFAULT_RESEND_BASE_URL });
  return {
    name: 'resend',
    async send(message, idempotencyKey) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      // A timed-out call may still have been sent: the retry carries the same Idempotency-Key, so Resend drops it.
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new EmailSendError(`Resend: no answer in ${options.timeoutMs} ms`, null)), options.timeoutMs);
      });
      try {
        const { data, error, headers } = await Promise.race([
          client.emails.send(
            {
              from: options.from,
              to: message.to,
              subject: message.subject,
              text: message.text,
              html: message.html,
              headers: message.headers,
            },
            { idempotencyKey },
          ),
          timeout,
        ]);
        if (error) {
          const retryAfter = Number(headers?.['retry-after']);
          throw new EmailSendError(
            `Resend: ${error.message}`,
            error.statusCode ?? null,
            Number.isFinite(retryAfter) ? retryAfter : undefined,
          );
        }
        return { providerId: data?.id ?? null };
      } finally {
        if (timer !== undefined) clearTimeout(timer);
      }
    },
  };
}
