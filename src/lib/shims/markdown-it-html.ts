/**
 * Stands in for markdown-it's raw-HTML tables (`common/html_blocks.mjs`, `common/html_re.mjs`) in the Worker bundle
 * (wrangler.toml `[alias]`). Volley renders with `html: false` (src/lib/markdown.ts), where the html_block and
 * html_inline rules return before reading them; should HTML ever be turned on, these match nothing, so tags would
 * still be shown as text.
 */
export const HTML_TAG_RE = /(?!)/;
export const HTML_OPEN_CLOSE_TAG_RE = /(?!)/;
const blockNames: string[] = [];
export default blockNames;
