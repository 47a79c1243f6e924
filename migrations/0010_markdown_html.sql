ALTER TABLE `drafts` ADD `paragraphs_html` text;--> statement-breakpoint
ALTER TABLE `drafts` ADD `excerpt` text;--> statement-breakpoint
CREATE INDEX `drafts_unrendered` ON `drafts` (`id`) WHERE "drafts"."paragraphs_html" IS NULL;--> statement-breakpoint
ALTER TABLE `inline_comments` ADD `body_html` text;--> statement-breakpoint
CREATE INDEX `inline_comments_unrendered` ON `inline_comments` (`id`) WHERE "inline_comments"."body_html" IS NULL;--> statement-breakpoint
ALTER TABLE `replies` ADD `body_html` text;--> statement-breakpoint
CREATE INDEX `replies_unrendered` ON `replies` (`id`) WHERE "replies"."body_html" IS NULL;--> statement-breakpoint
ALTER TABLE `reviews` ADD `body_html` text;--> statement-breakpoint
CREATE INDEX `reviews_unrendered` ON `reviews` (`id`) WHERE "reviews"."body_html" IS NULL;
-- Rows written before this migration keep NULL HTML: SQL cannot render Markdown. The minute cron renders them
-- (src/lib/markdown-backfill.ts), config.markdown.backfillRowsPerRun rows of each table a run, through the
-- *_unrendered partial indexes; until then a page shows such a text as escaped plain paragraphs.
