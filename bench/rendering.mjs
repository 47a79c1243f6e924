// The app's own Markdown rendering (src/lib/markdown.ts), for the seed to fill the columns that store rendered HTML
// (drafts.paragraphs_html and excerpt; body_html on reviews, inline comments and replies) where the schema has them.
// Imported through bench/import-app.mjs, so `npm run bench` stays plain Node.
import { importApp } from './import-app.mjs';

/**
 * `draft(body)` gives `{ paragraphsHtml, excerpt }` as the app stores them when a draft is posted (its
 * `renderedDraft`: paragraphsHtml is the JSON text stored), `markdown(text)` a review's, inline comment's or reply's
 * HTML (`renderMarkdown`). Each distinct text is rendered once.
 */
export async function loadRenderer() {
  const markdown = await importApp("export * from './src/lib/markdown';");
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
