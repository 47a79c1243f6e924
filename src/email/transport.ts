import { config } from '../config';
import { database } from '../db/client';
import type { Bindings } from '../env';
import { devMailboxTransport } from './dev-mailbox';
import type { EmailTransport } from './message';
import { resendTransport } from './resend-transport';
import type { EmailSetup } from './setup';

const DEFAULT_FROM = 'Volley <hello@volley.localhost>';

/** Resend when a key is configured; the dev mailbox where it is switched on; otherwise none, and email waits. */
export function transportFor(env: Bindings, setup: EmailSetup, now: () => number): EmailTransport | null {
  if (setup.transport === 'resend' && env.RESEND_API_KEY) {
    return resendTransport({
      apiKey: env.RESEND_API_KEY,
      baseUrl: env.RESEND_BASE_URL,
      from: env.EMAIL_FROM || DEFAULT_FROM,
      timeoutMs: config.email.sendTimeoutMs,
    });
  }
  return setup.transport === 'dev-mailbox' ? devMailboxTransport(database(env.DB), now) : null;
}
