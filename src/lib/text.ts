/** Words as a writer counts them: runs of letters or digits (any script), apostrophes and hyphens inside. */
export const WORD_PATTERN = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  return text.match(WORD_PATTERN)?.length ?? 0;
}

/**
 * A draft's paragraphs: blocks separated by a blank line (DESIGN.md "Reviews").
 * Inline comments point at these by 0-based index.
 */
export function splitParagraphs(body: string): string[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) => block.replace(/^\n+|\s+$/g, ''))
    .filter((block) => block.trim().length > 0);
}
