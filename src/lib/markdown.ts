import MarkdownIt from 'markdown-it';
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

/** Safe HTML for a block of Markdown. */
export function renderMarkdown(text: string): string {
  return md.render(text);
}

/** A draft as numbered paragraphs, each rendered on its own so inline comments can point at it. */
export function renderParagraphs(body: string): Array<{ index: number; html: string; text: string }> {
  return splitParagraphs(body).map((text, index) => ({ index, text, html: md.render(text) }));
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
export function excerpt(markdown: string, maxLength = 240): string {
  const flat = plainText(markdown);
  return flat.length <= maxLength ? flat : `${flat.slice(0, maxLength).replace(/\s+\S*$/, '')}…`;
}
