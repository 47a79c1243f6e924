CREATE TABLE `moderation_actions` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`report_id` text NOT NULL,
	`moderator_id` text NOT NULL,
	`action` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`member_id` text NOT NULL,
	`note` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`moderator_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "moderation_actions_action" CHECK("moderation_actions"."action" IN ('dismiss', 'remove', 'suspend'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `moderation_actions_id_unique` ON `moderation_actions` (`id`);--> statement-breakpoint
CREATE INDEX `moderation_actions_member` ON `moderation_actions` (`member_id`,`seq`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` text PRIMARY KEY NOT NULL,
	`reporter_id` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`subject_member_id` text NOT NULL,
	`reason` text NOT NULL,
	`details` text,
	`status` text DEFAULT 'open' NOT NULL,
	`action_id` text,
	`created_at` integer NOT NULL,
	`resolved_at` integer,
	FOREIGN KEY (`reporter_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`subject_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "reports_subject_type" CHECK("reports"."subject_type" IN ('draft', 'review', 'reply', 'member')),
	CONSTRAINT "reports_reason" CHECK("reports"."reason" IN ('spam', 'low-effort', 'harassment', 'plagiarism', 'other')),
	CONSTRAINT "reports_status" CHECK("reports"."status" IN ('open', 'resolved'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_one_per_reporter` ON `reports` (`reporter_id`,`subject_type`,`subject_id`);--> statement-breakpoint
CREATE INDEX `reports_reporter_recent` ON `reports` (`reporter_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `reports_subject` ON `reports` (`subject_type`,`subject_id`,`status`);--> statement-breakpoint
CREATE INDEX `reports_open` ON `reports` (`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `reports_resolved` ON `reports` (`status`,`resolved_at`,`id`);--> statement-breakpoint
ALTER TABLE `drafts` ADD `content_notes` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `drafts` ADD `removed_at` integer;--> statement-breakpoint
ALTER TABLE `members` ADD `hidden_content_notes` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `members` ADD `suspended_at` integer;--> statement-breakpoint
ALTER TABLE `replies` ADD `removed_at` integer;--> statement-breakpoint
ALTER TABLE `reviews` ADD `removed_at` integer;--> statement-breakpoint
-- Triggers drizzle cannot generate. The moderation log is evidence of what moderators did: like transfers, a row
-- is never changed or removed once written, by anyone, moderators included.
CREATE TRIGGER moderation_actions_append_only_update BEFORE UPDATE ON moderation_actions
BEGIN
  SELECT RAISE(ABORT, 'moderation_actions are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER moderation_actions_append_only_delete BEFORE DELETE ON moderation_actions
BEGIN
  SELECT RAISE(ABORT, 'moderation_actions are append-only');
END;
