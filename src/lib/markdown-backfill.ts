import { sql } from 'drizzle-orm';
import { config } from '../config';
import { statement } from '../db/statements';
import { renderedAnswers, renderedDraft, renderMarkdown } from './markdown';

type Text = { id: string; body: string };

/**
 * Renders the Markdown of rows written before their HTML was stored
 * (migration 0010 added the columns; SQL cannot render Markdown), up to
 * config.markdown.backfillRowsPerRun rows of each table per cron run, so a
 * deploy fills the old rows within minutes and reads never render. The
 * partial `*_unrendered` indexes hold only the rows still to do, so once they
 * are filled a run costs four empty index reads. Each UPDATE re-checks that
 * its row is still unrendered, so two overlapping runs write one result.
 */
export async function renderUnrenderedRows(d1: D1Database) {
  const limit = config.markdown.backfillRowsPerRun;
  const [drafts, reviews, inlineComments, replies] = await d1.batch<Text & { answers: string }>([
    statement(d1, sql`SELECT id, body FROM drafts WHERE paragraphs_html IS NULL LIMIT ${limit}`),
    statement(d1, sql`SELECT id, body, answers FROM reviews WHERE body_html IS NULL LIMIT ${limit}`),
    statement(d1, sql`SELECT id, body FROM inline_comments WHERE body_html IS NULL LIMIT ${limit}`),
    statement(d1, sql`SELECT id, body FROM replies WHERE body_html IS NULL LIMIT ${limit}`),
  ]);
  const updates = [
    ...drafts!.results.map((draft) => {
      const { paragraphsHtml, excerpt } = renderedDraft(draft.body);
      return statement(d1, sql`UPDATE drafts SET paragraphs_html = ${paragraphsHtml}, excerpt = ${excerpt}
        WHERE id = ${draft.id} AND paragraphs_html IS NULL`);
    }),
    ...reviews!.results.map((review) =>
      statement(d1, sql`UPDATE reviews SET body_html = ${renderMarkdown(review.body)}, answers = ${renderedAnswers(JSON.parse(review.answers))}
        WHERE id = ${review.id} AND body_html IS NULL`),
    ),
    ...inlineComments!.results.map((comment) =>
      statement(d1, sql`UPDATE inline_comments SET body_html = ${renderMarkdown(comment.body)} WHERE id = ${comment.id} AND body_html IS NULL`),
    ),
    ...replies!.results.map((reply) =>
      statement(d1, sql`UPDATE replies SET body_html = ${renderMarkdown(reply.body)} WHERE id = ${reply.id} AND body_html IS NULL`),
    ),
  ];
  if (updates.length) await d1.batch(updates);
  return { drafts: drafts!.results.length, reviews: reviews!.results.length, inlineComments: inlineComments!.results.length, replies: replies!.results.length };
}
