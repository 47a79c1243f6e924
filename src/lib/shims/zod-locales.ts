/**
 * Stands in for zod's `locales/index.js` in the Worker bundle (wrangler.toml `[alias]`). @hono/zod-openapi hands
 * the whole `z` namespace to zod-to-openapi, so every one of zod's ~50 error-message languages (about 200 KB)
 * was bundled; Volley's messages are English, which zod configures itself from `locales/en.js`.
 */
export { default as en } from 'zod/v4/locales/en.js';
