/**
 * Stands in for `standardwebhooks` (and the SHA-256 and base64 code it brings) in the Worker bundle (wrangler.toml
 * `[alias]`): the Resend SDK imports it only for `resend.webhooks.verify`, while Volley verifies Resend's webhooks
 * itself with Web Crypto and the request's clock (src/email/svix.ts).
 */
export class Webhook {
  verify(): never {
    throw new Error('standardwebhooks is not bundled: Volley verifies webhooks in src/email/svix.ts');
  }
}
