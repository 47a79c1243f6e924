// The app's own Markdown rendering (src/lib/markdown.ts), for the seed to fill the columns that store rendered HTML
// (drafts.paragraphs_html and excerpt; body_html on reviews, inline comments and replies) where the schema has them.
// Bundled with esbuild like bench/app-queries.mjs, so `npm run bench` stays plain Node.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './local-d1.mjs';

async function loadMarkdownModule() {
  const result = await build({
    stdin: { contents: "export * from './src/lib/markdown';", resolveDir: root, loader: 'ts', sourcefile: 'bench-markdown.ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'error',
  });
  const dir = mkdtempSync(join(tmpdir(), 'volley-bench-markdown-'));
  const file = join(dir, 'markdown.mjs');
  writeFileSync(file, result.outputFiles[0].text);
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `draft(body)` gives `{ paragraphsHtml, excerpt }` as the app stores them when a draft is posted (its
 * `renderedDraft`: paragraphsHtml is the JSON text stored), `markdown(text)` a review's, inline comment's or reply's
 * HTML (`renderMarkdown`). Each distinct text is rendered once.
 */
export async function loadRenderer() {
  const markdown = await loadMarkdownModule();
  const once = (render) => {
    const done = new Map();
    return (text) => {
      let rendered = done.get(text);
      if (rendered === undefined) done.set(text, (rendered = render(text)));
      return rendered;
    };
  };
  return { draft: once(markdown.renderedDraft), markdown: once(markdown.renderMarkdown) };
}
