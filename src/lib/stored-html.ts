import { escapeHtml } from './escape-html';
import { splitParagraphs } from './text';

/**
 * A text written before its HTML was stored, shown until the cron renders it
 * (src/lib/markdown-backfill.ts): its source as escaped plain paragraphs, so
 * no read renders Markdown.
 */
const plainParagraphs = (source: string) =>
  splitParagraphs(source)
    .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>\n`)
    .join('');

/** What a page shows of a review, inline comment, reply or answer: the HTML stored when it was written. */
export function storedHtml(html: string | null | undefined, source: string): string {
  return html ?? plainParagraphs(source);
}

/** A draft's paragraphs as HTML, one per splitParagraphs block (inline comments' indexes), from its `paragraphs_html`. */
export function storedParagraphs(paragraphsHtml: string | null | undefined, body: string): string[] {
  return paragraphsHtml ? (JSON.parse(paragraphsHtml) as string[]) : splitParagraphs(body).map(plainParagraphs);
}
