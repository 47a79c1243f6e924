/**
 * The numbers a writer cares about, worded the same on every page
 * (DESIGN.md "Look and feel"): "3 credits", "2 of 3 reviews in", "31 h".
 */
import { genreLabels, type Genre } from '../config';

// Built once: `toLocaleString` with options builds a new formatter on every call, about 0.4 ms of CPU each
// (a dashboard formats some thirty dates; BENCHMARKS.md).
const numberFormat = new Intl.NumberFormat('en');
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

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

/** Dates in UTC: the server does not know the reader's zone, and UTC at least never lies. */
export function formatDate(value: string | number): string {
  return dateFormat.format(new Date(value));
}

export function formatDateTime(value: string | number): string {
  return `${formatDate(value)}, ${timeFormat.format(new Date(value))} UTC`;
}

/** "science-fiction" → "Science fiction" (config's genreLabels; an unknown slug as it is). */
export const genreLabel = (genre: string): string => genreLabels[genre as Genre] ?? genre;
