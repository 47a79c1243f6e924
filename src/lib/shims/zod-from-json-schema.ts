/**
 * Stands in for zod's `classic/from-json-schema.js` in the Worker bundle (wrangler.toml `[alias]`): zod ships
 * `z.fromJSONSchema` with every `z`, and Volley never builds schemas from JSON Schema at run time.
 */
export function fromJSONSchema(): never {
  throw new Error('z.fromJSONSchema is not bundled: Volley declares its schemas in code');
}
