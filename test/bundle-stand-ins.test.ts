import { z } from '@hono/zod-openapi';
import { createContext, jsx, useActionState, useContext } from 'hono/jsx';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../src/lib/markdown';

/**
 * The Worker bundles small stand-ins for some library modules (wrangler.toml `[alias]`, which vitest.config.ts
 * applies here too): these tests pin what Volley's text looks like through them.
 */
describe('Markdown through the bundled stand-ins', () => {
  it('decodes the HTML 4 named references writers type, and numeric ones', () => {
    expect(renderMarkdown('&copy; 2026 &mdash; caf&eacute; &hellip; &apos;x&apos; &euro;5 &hearts; &Omega;')).toBe(
      "<p>© 2026 — café … 'x' €5 ♥ Ω</p>\n",
    );
    expect(renderMarkdown('&#169; &#x2014; &amp; &lt;b&gt;')).toBe('<p>© — &amp; &lt;b&gt;</p>\n');
  });

  it('shows any other name as typed, escaped', () => {
    expect(renderMarkdown('&CounterClockwiseContourIntegral; &constructor; &nosuch;')).toBe(
      '<p>&amp;CounterClockwiseContourIntegral; &amp;constructor; &amp;nosuch;</p>\n',
    );
  });

  it('decodes references inside link titles and destinations', () => {
    expect(renderMarkdown('[a](https://example.com/?q=caf&eacute; "&ldquo;t&rdquo;")')).toBe(
      '<p><a href="https://example.com/?q=caf%C3%A9" title="“t”" rel="nofollow noopener noreferrer">a</a></p>\n',
    );
  });

  it('shows raw HTML as text, block and inline', () => {
    expect(renderMarkdown('<div>\n<script>alert(1)</script>\n</div>')).toBe(
      '<p>&lt;div&gt;\n&lt;script&gt;alert(1)&lt;/script&gt;\n&lt;/div&gt;</p>\n',
    );
    expect(renderMarkdown('a <img src=x onerror=alert(1)> b <!-- c -->')).toBe(
      '<p>a &lt;img src=x onerror=alert(1)&gt; b &lt;!-- c --&gt;</p>\n',
    );
  });
});

describe('zod through the bundled stand-ins', () => {
  it('still explains bad input in English', () => {
    const result = z.object({ title: z.string().min(3) }).strict().safeParse({ title: 1 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Invalid input: expected string, received number');
  });

  it('does not bundle JSON Schema output, which nothing calls: asking for it says so', () => {
    const schema = z.object({ title: z.string() });
    expect(() => z.toJSONSchema(schema)).toThrow('zod JSON Schema output is not bundled');
    expect(() => schema.toJSONSchema()).toThrow('zod JSON Schema output is not bundled');
  });
});

describe('hono/jsx through the bundled stand-ins', () => {
  it('renders on the server, context included; the browser renderer is not bundled', async () => {
    const Zone = createContext('UTC');
    const Shown = () => jsx('time', {}, useContext(Zone));
    const page = jsx(Zone.Provider, { value: 'Europe/Paris' }, jsx('p', {}, jsx(Shown, {})));
    expect(String(await page.toString())).toBe('<p><time>Europe/Paris</time></p>');
    expect(() => useActionState(() => null, null)).toThrow('hono/jsx/dom is not bundled');
  });
});
