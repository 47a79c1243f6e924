import { createContext, useContext } from 'hono/jsx';
import { formatWhen, UNKNOWN_ZONE, type ReaderZone } from './format';

/** The reader's zone for everything a page renders; renderPage provides it from the `tz` cookie. */
export const ReaderZoneContext = createContext<ReaderZone>(UNKNOWN_ZONE);

/**
 * A date (or date and time) in the reader's zone. While the zone is unknown it
 * is shown in UTC and marked with `data-when`, so public/assets/app.js can
 * re-render it in the browser's zone on that first visit.
 *
 * @example
 * <When value={review.createdAt} time />
 */
export function When({ value, time = false }: { value: string | number; time?: boolean }) {
  const reader = useContext(ReaderZoneContext);
  return (
    <time datetime={new Date(value).toISOString()} data-when={reader.known ? undefined : time ? 'datetime' : 'date'}>
      {formatWhen(value, reader, time)}
    </time>
  );
}
