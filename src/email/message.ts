/** One email, ready for any transport: both bodies are always present. */
export type EmailMessage = {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
};

/**
 * Where email goes. `idempotencyKey` lets a transport that is retried after a
 * lost response (Resend) refuse to send the same email twice.
 */
export interface EmailTransport {
  readonly name: 'dev-mailbox' | 'resend';
  send(message: EmailMessage, idempotencyKey: string): Promise<void>;
}

/** A send that failed; `retryAfterSeconds` comes from the provider when it says. */
export class EmailSendError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}
