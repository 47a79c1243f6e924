/**
 * Stands in for zod's JSON Schema output (`core/to-json-schema.js`, `core/json-schema-processors.js`) in the Worker
 * bundle (wrangler.toml `[alias]`): `z.toJSONSchema`, `schema.toJSONSchema()` and Standard Schema's `jsonSchema`.
 * zod wires them into every schema it builds, so they were bundled though nothing calls them: the OpenAPI document
 * comes from @asteasolutions/zod-to-openapi, which reads the schemas' definitions itself (test/openapi.test.ts), and
 * Volley never asks zod for JSON Schema. Each schema still gets its methods; calling one says why it fails.
 */
const unbundled = (): never => {
  throw new Error('zod JSON Schema output is not bundled: the OpenAPI document comes from zod-to-openapi');
};

export const toJSONSchema = unbundled;
export const createToJSONSchemaMethod = () => unbundled;
export const createStandardJSONSchemaMethod = () => unbundled;
export const initializeContext = unbundled;
export const process = unbundled;
export const extractDefs = unbundled;
export const finalize = unbundled;
export const allProcessors = {};

// One per schema type: zod stores each on its schemas, for the JSON Schema output above to call.
export const stringProcessor = unbundled;
export const numberProcessor = unbundled;
export const booleanProcessor = unbundled;
export const bigintProcessor = unbundled;
export const symbolProcessor = unbundled;
export const nullProcessor = unbundled;
export const undefinedProcessor = unbundled;
export const voidProcessor = unbundled;
export const neverProcessor = unbundled;
export const anyProcessor = unbundled;
export const unknownProcessor = unbundled;
export const dateProcessor = unbundled;
export const enumProcessor = unbundled;
export const literalProcessor = unbundled;
export const nanProcessor = unbundled;
export const templateLiteralProcessor = unbundled;
export const fileProcessor = unbundled;
export const successProcessor = unbundled;
export const customProcessor = unbundled;
export const functionProcessor = unbundled;
export const transformProcessor = unbundled;
export const mapProcessor = unbundled;
export const setProcessor = unbundled;
export const arrayProcessor = unbundled;
export const objectProcessor = unbundled;
export const unionProcessor = unbundled;
export const intersectionProcessor = unbundled;
export const tupleProcessor = unbundled;
export const recordProcessor = unbundled;
export const nullableProcessor = unbundled;
export const nonoptionalProcessor = unbundled;
export const defaultProcessor = unbundled;
export const prefaultProcessor = unbundled;
export const catchProcessor = unbundled;
export const pipeProcessor = unbundled;
export const readonlyProcessor = unbundled;
export const promiseProcessor = unbundled;
export const optionalProcessor = unbundled;
export const lazyProcessor = unbundled;
export const allProcessor = unbundled;
