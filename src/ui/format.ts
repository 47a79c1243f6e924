/**
 * The numbers a writer cares about, worded the same on every page
 * (DESIGN.md "Look and feel"): "3 credits", "2 of 3 reviews in", "31 h".
 */
import { genreLabels, type Genre } from '../config';

// Built once: `toLocaleString` with options builds a new formatter on every call, about 0.4 ms of CPU each
// (a dashboard formats some thirty dates; BENCHMARKS.md).
const numberFormat = new Intl.NumberFormat('en');

/** "1 credit", "1,240 words". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${numberFormat.format(count)} ${count === 1 ? one : many}`;
}

export const credits = (count: number) => plural(count, 'credit');

export const wordCount = (count: number) => plural(count, 'word');

export const reviewProgress = (received: number, wanted: number) =>
  `${received} of ${plural(wanted, 'review')} in`;

/** How long a rule lasts, from config: "48 hours", "10 minutes". */
export function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes % 60 === 0 ? plural(minutes / 60, 'hour') : plural(minutes, 'minute');
}

/** Whole hours while there are any, so "ends in 31 h" never overstates the time left. */
export function timeLeft(ms: number): string {
  const hour = 60 * 60 * 1000;
  if (ms >= hour) return `${Math.floor(ms / hour)} h`;
  return `${Math.max(1, Math.floor(ms / 60_000))} min`;
}

/** The zone a reader's dates are shown in: their browser's once it has told us (the `tz` cookie), UTC until then. */
export type ReaderZone = { zone: string; known: boolean };

export const UNKNOWN_ZONE: ReaderZone = { zone: 'UTC', known: false };

// One pair of formatters per zone seen: a few hundred zones exist, and only valid names get here.
const formatters = new Map<string, { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

function formattersFor(zone: string) {
  let pair = formatters.get(zone);
  if (!pair) {
    pair = {
      date: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: zone }),
      time: new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: zone }),
    };
    formatters.set(zone, pair);
  }
  return pair;
}

/** The zone named by a browser (an IANA name such as "Europe/Paris"), if the runtime knows it; otherwise UTC, unknown. */
export function readerZone(name: string | undefined): ReaderZone {
  if (!name || name.length > 64) return UNKNOWN_ZONE;
  try {
    return { zone: formattersFor(name).date.resolvedOptions().timeZone, known: true };
  } catch {
    return UNKNOWN_ZONE;
  }
}

/**
 * "10 Jan 2026" or, with the time, "10 Jan 2026, 21:30", in the reader's zone;
 * "… UTC" while their zone is unknown, so a time never passes for local when it is not.
 */
export function formatWhen(value: string | number, reader: ReaderZone, withTime = false): string {
  const at = new Date(value);
  const { date, time } = formattersFor(reader.zone);
  const text = withTime ? `${date.format(at)}, ${time.format(at)}` : date.format(at);
  return reader.known ? text : `${text} UTC`;
}

/** "science-fiction" → "Science fiction" (config's genreLabels; an unknown slug as it is). */
export const genreLabel = (genre: string): string => genreLabels[genre as Genre] ?? genre;
