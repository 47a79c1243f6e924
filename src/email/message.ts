/** One email, ready for any transport: both bodies are always present. */
export type EmailMessage = {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
};

/**
 * Where email goes. `idempotencyKey` (the outbox row id) lets a transport that
 * is retried after a lost response (Resend) refuse to send the same email twice.
 */
export interface EmailTransport {
  readonly name: 'dev-mailbox' | 'resend';
  send(message: EmailMessage, idempotencyKey: string): Promise<{ providerId: string | null }>;
}

/**
 * A send that failed. `permanent` failures (Resend's 4xx validation errors)
 * are not retried; `retryAfterSeconds` comes from the provider when it says.
 */
export class EmailSendError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  get permanent(): boolean {
    return this.status !== null && this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 409 && this.status !== 429;
  }
}
