CREATE TABLE `slot_holds` (
	`id` text PRIMARY KEY NOT NULL,
	`draft_id` text NOT NULL,
	`member_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`released_at` integer,
	FOREIGN KEY (`draft_id`) REFERENCES `drafts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `slot_holds_one_per_reader` ON `slot_holds` (`draft_id`,`member_id`);--> statement-breakpoint
CREATE INDEX `slot_holds_member` ON `slot_holds` (`member_id`,`expires_at`);--> statement-breakpoint
CREATE INDEX `slot_holds_open` ON `slot_holds` (`used_at`,`released_at`,`expires_at`);--> statement-breakpoint
CREATE TABLE `works` (
	`id` text PRIMARY KEY NOT NULL,
	`author_id` text NOT NULL,
	`title` text NOT NULL,
	`genre` text NOT NULL,
	`synopsis` text,
	`content_notes` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `works_author` ON `works` (`author_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `drafts` ADD `questions` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `drafts` ADD `work_id` text REFERENCES works(id);--> statement-breakpoint
ALTER TABLE `drafts` ADD `part` integer;--> statement-breakpoint
ALTER TABLE `drafts` ADD `previously` text;--> statement-breakpoint
ALTER TABLE `drafts` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `drafts` ADD `previous_version_id` text REFERENCES drafts(id);--> statement-breakpoint
ALTER TABLE `drafts` ADD `original_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `drafts_work_part` ON `drafts` (`work_id`,`part`,`version`);--> statement-breakpoint
CREATE UNIQUE INDEX `drafts_one_revision` ON `drafts` (`previous_version_id`);--> statement-breakpoint
CREATE INDEX `drafts_versions` ON `drafts` (`original_id`,`version`);--> statement-breakpoint
ALTER TABLE `members` ADD `notify_returning` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `reviews` ADD `answers` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
-- Drafts posted before versions existed are each their own first version.
UPDATE `drafts` SET `original_id` = `id` WHERE `original_id` IS NULL;
