import { decodeBase64Url, encodeBase64Url } from 'hono/utils/encode';
import { badRequest } from './errors';

/** Opaque page cursors: the sort key of the last item, base64url JSON. */
export function encodeCursor(values: Array<string | number>): string {
  return encodeBase64Url(new TextEncoder().encode(JSON.stringify(values)).buffer).replace(/=+$/, '');
}

export function decodeCursor<T extends Array<string | number>>(cursor: string, shape: ('string' | 'number')[]): T {
  try {
    const values = JSON.parse(new TextDecoder().decode(decodeBase64Url(cursor))) as unknown;
    if (Array.isArray(values) && values.length === shape.length && values.every((v, i) => typeof v === shape[i])) {
      return values as T;
    }
  } catch {
    // falls through to the error below
  }
  throw invalidCursor();
}

/** A cursor that decodes but names nothing a page could start from. */
export const invalidCursor = () =>
  badRequest('invalid_cursor', 'That page cursor is not valid; start again from the first page.', {
    cursor: 'Not a cursor this API gave out.',
  });

/** Splits a `LIMIT n + 1` result into a page and the cursor of the next one. */
export function paginate<T>(rows: T[], pageSize: number, keyOf: (row: T) => Array<string | number>) {
  const items = rows.slice(0, pageSize);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > pageSize && last ? encodeCursor(keyOf(last)) : null };
}
