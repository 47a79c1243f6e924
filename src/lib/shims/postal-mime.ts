/**
 * Stands in for `postal-mime` in the Worker bundle (wrangler.toml `[alias]`): the Resend SDK imports it only to
 * parse received mail it forwards (`resend.emails.receiving.forward`), which Volley never calls, and it was about
 * 73 KB of the Worker.
 */
export default class PostalMime {
  static parse(): never {
    throw new Error('postal-mime is not bundled: Volley does not parse received mail');
  }
}
