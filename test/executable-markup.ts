/**
 * A deliberately small, suspicious reader of HTML for the XSS corpus: it finds every tag with a regex
 * and reports anything that could run code or pull in active content. Every `<` that reaches the
 * output unescaped is treated as a tag, even inside <textarea> or <title> (where a browser would not
 * parse it): hono/jsx escapes `<` in text and attributes, so any raw one came from somewhere else.
 */

export type Attribute = { name: string; value: string | null };
export type Tag = { name: string; attributes: Attribute[]; source: string };

const TAG = /<([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/** Every opening tag in the HTML, with its attributes (values as written, entities still encoded). */
export function tagsOf(html: string): Tag[] {
  const tags: Tag[] = [];
  for (const match of html.matchAll(TAG)) {
    const attributes: Attribute[] = [];
    for (const a of match[2]!.matchAll(ATTRIBUTE)) attributes.push({ name: a[1]!.toLowerCase(), value: a[2] ?? a[3] ?? a[4] ?? null });
    tags.push({ name: match[1]!.toLowerCase(), attributes, source: match[0] });
  }
  return tags;
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n', nbsp: '\u00a0', sol: '/' };

/** Character references decoded as a browser decodes an attribute value (the forms that matter here). */
export function decodeEntities(value: string): string {
  return value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));?/gi, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(parseInt(dec, 10));
    return named[name!.toLowerCase()] ?? whole;
  });
}

/** The scheme a browser would see: entities decoded, tabs and newlines removed, leading controls and spaces dropped. */
export function urlScheme(value: string): string | null {
  const url = decodeEntities(value).replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '').toLowerCase();
  return url.match(/^([a-z][a-z0-9+.-]*):/)?.[1] ?? null;
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'xlink:href', 'cite', 'codebase', 'ping', 'lowsrc', 'dynsrc']);
const DANGEROUS_SCHEMES = new Set(['javascript', 'data', 'vbscript']);
/** Tags Volley never renders from content: anything here came from a payload. */
const FORBIDDEN_TAGS = new Set([
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'style', 'base', 'template',
  'img', 'image', 'video', 'audio', 'source', 'picture', 'portal', 'xmp', 'noembed', 'noscript', 'plaintext',
]);
const LAYOUT_LINKS = new Set(['/assets/styles.css', '/assets/icon.svg']);
const LAYOUT_META_NAMES = new Set(['viewport', 'robots']);

const attr = (tag: Tag, name: string) => tag.attributes.find((a) => a.name === name);
/** Volley's own script files: the layout's, and the passkey pair some pages add. */
const OWN_SCRIPTS = new Set(['/assets/app.js', '/assets/vendor/simplewebauthn-browser.js', '/assets/passkeys.js']);
const isOwnScript = (tag: Tag) =>
  tag.name === 'script' &&
  OWN_SCRIPTS.has(attr(tag, 'src')?.value ?? '') &&
  !!attr(tag, 'nonce')?.value &&
  tag.attributes.every((a) => ['src', 'nonce', 'defer'].includes(a.name));
const isLayoutScript = (tag: Tag) => isOwnScript(tag) && attr(tag, 'src')?.value === '/assets/app.js';

/**
 * What could run in this HTML, one line per finding; empty when nothing can.
 * `page`: one of Volley's pages (exactly the layout's own script, plus only Volley's own script files; no style attributes at all).
 * `email`: an email body (no script at all; the template's inline styles are allowed, but no
 * url(), expression() or script scheme inside one).
 */
export function executableMarkup(html: string, kind: 'page' | 'email'): string[] {
  const problems: string[] = [];
  const tags = tagsOf(html);
  const scripts = tags.filter((t) => t.name === 'script');
  if (kind === 'page') {
    const own = scripts.filter(isLayoutScript);
    if (own.length !== 1) problems.push(`expected the layout's one script, found ${own.length}`);
    for (const s of scripts.filter((t) => !isOwnScript(t))) problems.push(`script tag: ${s.source}`);
  } else {
    for (const s of scripts) problems.push(`script tag in an email: ${s.source}`);
  }
  // However malformed, `<script` in the raw output is a script the tag regex might have missed.
  const rawScripts = html.match(/<script/gi)?.length ?? 0;
  if (rawScripts !== scripts.length) problems.push(`${rawScripts} "<script" in the source but ${scripts.length} script tags parsed`);

  for (const tag of tags) {
    if (FORBIDDEN_TAGS.has(tag.name)) problems.push(`<${tag.name}> tag: ${tag.source}`);
    if (tag.name === 'link' && (kind === 'email' || !LAYOUT_LINKS.has(attr(tag, 'href')?.value ?? ''))) problems.push(`link tag: ${tag.source}`);
    if (tag.name === 'meta' && (attr(tag, 'http-equiv') || !(attr(tag, 'charset') || LAYOUT_META_NAMES.has(attr(tag, 'name')?.value ?? '')))) {
      problems.push(`meta tag: ${tag.source}`);
    }
    for (const { name, value } of tag.attributes) {
      if (/^on/i.test(name)) problems.push(`event handler ${name} on <${tag.name}>: ${tag.source}`);
      if (name === 'srcdoc') problems.push(`srcdoc on <${tag.name}>: ${tag.source}`);
      if (name === 'style') {
        if (kind === 'page') problems.push(`style attribute on a page: ${tag.source}`);
        else if (/url\s*\(|expression\s*\(|javascript|vbscript|@import|behavior/i.test(decodeEntities(value ?? ''))) {
          problems.push(`active style in an email: ${tag.source}`);
        }
      }
      if (URL_ATTRIBUTES.has(name) && value !== null) {
        const scheme = urlScheme(value);
        if (scheme && DANGEROUS_SCHEMES.has(scheme)) problems.push(`${scheme}: URL in ${name} of <${tag.name}>: ${tag.source}`);
      }
      if (name === 'srcset' && value && /(javascript|data|vbscript):/i.test(decodeEntities(value))) problems.push(`script URL in srcset: ${tag.source}`);
    }
  }
  return problems;
}

/** Text as hono/jsx writes it into HTML, to find a value among a page's text and attributes. */
export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
