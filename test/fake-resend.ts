import { vi } from 'vitest';

/** What a failing Resend call looks like. 'lost' sends the email but the answer never arrives intact. */
export type Outcome = 'ok' | 'lost' | 'hang' | { status: number; retryAfter?: number };

export type RecordedRequest = {
  url: string;
  headers: Record<string, string>;
  body: { from: string; to: string | string[]; subject: string; text: string; html: string; headers?: Record<string, string> };
};

/**
 * A stand-in for Resend's HTTP API inside the tests: records every request and
 * honours Idempotency-Key as Resend does (a key already sent is not sent again).
 * `plan` decides each call's outcome from its sequence number.
 */
export class FakeResend {
  readonly requests: RecordedRequest[] = [];
  /** Emails actually "sent", in order, by idempotency key. */
  readonly sent: string[] = [];
  private calls = 0;

  constructor(private readonly plan: (call: number, request: RecordedRequest) => Outcome = () => 'ok') {}

  install() {
    return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const request: RecordedRequest = {
        url: String(input),
        headers: Object.fromEntries(new Headers(init?.headers).entries()),
        body: JSON.parse(String(init?.body)),
      };
      this.requests.push(request);
      const outcome = this.plan(this.calls++, request);
      const key = request.headers['idempotency-key']!;
      const deliver = () => {
        if (!this.sent.includes(key)) this.sent.push(key);
      };
      if (outcome === 'hang') return new Promise<Response>(() => {});
      if (outcome === 'ok') {
        deliver();
        return Response.json({ id: `re_${key}` });
      }
      if (outcome === 'lost') {
        deliver();
        return new Response('upstream connection reset', { status: 502 });
      }
      const headers: Record<string, string> = outcome.retryAfter ? { 'retry-after': String(outcome.retryAfter) } : {};
      return Response.json({ name: 'error', message: `failed with ${outcome.status}`, statusCode: outcome.status }, { status: outcome.status, headers });
    });
  }
}
