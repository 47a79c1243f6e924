import { config } from '../config';
import { database } from '../db/client';
import type { Bindings } from '../env';
import { devMailboxTransport } from './dev-mailbox';
import type { EmailTransport } from './message';
import { resendTransport } from './resend-transport';

const DEFAULT_FROM = 'Volley <hello@volley.localhost>';

/** Resend when a key is configured; otherwise the dev mailbox, so local runs need no account. */
export function transportFor(env: Bindings, now: () => number): EmailTransport {
  if (env.RESEND_API_KEY) {
    return resendTransport({
      apiKey: env.RESEND_API_KEY,
      baseUrl: env.RESEND_BASE_URL,
      from: env.EMAIL_FROM || DEFAULT_FROM,
      timeoutMs: config.email.sendTimeoutMs,
    });
  }
  return devMailboxTransport(database(env.DB), now);
}

export const devMailboxEnabled = (env: Bindings) => !env.RESEND_API_KEY;
