import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env';
import { validationHook } from './validation';

/**
 * A feature's router. Every one shares the validation hook, so a failed zod
 * parse anywhere answers the same 400 shape.
 *
 * @example
 * export const draftsApi = createRouter().openapi(postDraftRoute, handler);
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook: (result) => validationHook(result) });
}
