import MarkdownIt from 'markdown-it';
import { config } from '../config';
import { splitParagraphs } from './text';

/**
 * Markdown for drafts, reviews and replies. Raw HTML is off (it is shown as
 * text), and markdown-it's link validation drops javascript:, vbscript:,
 * file: and non-image data: URLs. Links open without passing a referrer.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: true });
md.validateLink = (url) => {
  const scheme = url.trim().toLowerCase().match(/^([a-z][a-z0-9+.-]*):/)?.[1];
  return scheme === undefined || scheme === 'http' || scheme === 'https' || scheme === 'mailto';
};
const renderLinkOpen = md.renderer.rules.link_open ?? ((tokens, i, options, _env, self) => self.renderToken(tokens, i, options));
md.renderer.rules.link_open = (tokens, i, options, env, self) => {
  tokens[i]!.attrSet('rel', 'nofollow noopener noreferrer');
  return renderLinkOpen(tokens, i, options, env, self);
};
// Images would load from anywhere (tracking pixels in a review): show them as links instead.
md.renderer.rules.image = (tokens, i) => {
  const token = tokens[i]!;
  const src = md.utils.escapeHtml(token.attrGet('src') ?? '');
  const alt = md.utils.escapeHtml(token.content || 'image');
  return `<a href="${src}" rel="nofollow noopener noreferrer">${alt}</a>`;
};

/**
 * Safe HTML for a block of Markdown. Called when a text is written (or by the
 * cron's backfill), never on a read: the HTML is stored beside the source.
 */
export function renderMarkdown(text: string): string {
  return md.render(text);
}

/**
 * What a draft stores beside its body, rendered once when it is posted:
 * `paragraphsHtml` is a JSON array with one HTML string per paragraph as
 * splitParagraphs yields them (each rendered on its own, so inline comments
 * can point at it), `excerpt` the queue's plain-text preview.
 *
 * @example
 * const { paragraphsHtml, excerpt } = renderedDraft(body); // INSERT … paragraphs_html, excerpt
 */
export function renderedDraft(body: string): { paragraphsHtml: string; excerpt: string } {
  return { paragraphsHtml: JSON.stringify(splitParagraphs(body).map((paragraph) => md.render(paragraph))), excerpt: excerpt(body) };
}

/** A review's answers as its `answers` column stores them: a JSON array of {question, body, html}, each rendered once. */
export function renderedAnswers(answers: ReadonlyArray<{ question: number; body: string }>): string {
  return JSON.stringify(answers.map(({ question, body }) => ({ question, body, html: md.render(body) })));
}

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** Markdown as the words a reader sees, for previews and email quotes (escaped again wherever shown). */
export function plainText(markdown: string): string {
  return md
    .render(markdown)
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39);/g, (entity) => entities[entity] ?? entity)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first words of a Markdown text, as plain text, for previews. */
export function excerpt(markdown: string, maxLength: number = config.drafts.excerptLength): string {
  const flat = plainText(markdown);
  return flat.length <= maxLength ? flat : `${flat.slice(0, maxLength).replace(/\s+\S*$/, '')}…`;
}
