import type { Child } from 'hono/jsx';
import type { FieldErrors } from '../lib/errors';

/**
 * The pieces every form page shares: an error beside its field, a summary on
 * top that links to each one, and the one-line notice after a redirect.
 */

/** `aria-describedby` from the ids that apply; undefined when none do. */
export const describedBy = (...ids: Array<string | false | null | undefined>) => ids.filter(Boolean).join(' ') || undefined;

/** The error under a field, tied to it by `aria-describedby={errorId(name)}`. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p class="field-error" id={id}>
      {message}
    </p>
  ) : null;
}

/**
 * Announced when the page loads: what went wrong, with a link to each field.
 * `labels` names the fields the form shows; other messages are listed as text.
 */
export function ErrorSummary({ errors, labels, children }: { errors: FieldErrors; labels: Record<string, string>; children?: Child }) {
  const entries = Object.entries(errors);
  if (!entries.length && !children) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
      <h2>{entries.length > 1 ? `${entries.length} things need fixing` : 'This needs fixing'}</h2>
      {children}
      {entries.length ? (
        <ul>
          {entries.map(([field, message]) => (
            <li>{labels[field] ? <a href={`#${labels[field]}`}>{message}</a> : message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A quiet confirmation after a redirect ("Review sent"). */
export function Notice({ children }: { children: Child }) {
  return (
    <div class="notice" role="status">
      {children}
    </div>
  );
}

/** Form bodies as plain strings: files and repeated keys are not something our forms send. */
export async function formFields(request: { parseBody(): Promise<Record<string, unknown>> }): Promise<Record<string, string>> {
  const body = await request.parseBody();
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) if (typeof value === 'string') fields[key] = value;
  return fields;
}
