/**
 * Stands in for zod's `core/json-schema-generator.js` in the Worker bundle (wrangler.toml `[alias]`): the deprecated
 * class form of `z.toJSONSchema`, which zod ships with every `z.core`; `z.toJSONSchema` itself stays.
 */
export class JSONSchemaGenerator {
  constructor() {
    throw new Error('z.core.JSONSchemaGenerator is not bundled: use z.toJSONSchema');
  }
}
