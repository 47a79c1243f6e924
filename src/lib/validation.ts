import type { z } from 'zod';
import { validationFailed, type FieldErrors } from './errors';

/** zod issues as `{ "field.path": "message" }`, the first message per field. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    if (issue.code === 'unrecognized_keys') {
      for (const unknownKey of issue.keys) fields[[...issue.path, unknownKey].join('.')] ??= 'Unknown field.';
      continue;
    }
    fields[key] ??= issue.message;
  }
  return fields;
}

/** The validator hook every router shares: a failed parse becomes our 400. */
export function validationHook(result: { success: true } | { success: false; error: z.ZodError }) {
  if (!result.success) throw validationFailed(fieldErrors(result.error));
}
