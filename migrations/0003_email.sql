CREATE TABLE `email_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`member_id` text,
	`to_address` text NOT NULL,
	`subject` text NOT NULL,
	`text_body` text NOT NULL,
	`html_body` text NOT NULL,
	`headers` text DEFAULT '{}' NOT NULL,
	`dedupe_key` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`locked_until` integer,
	`last_error` text,
	`provider_id` text,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	CONSTRAINT "email_outbox_status" CHECK("email_outbox"."status" IN ('pending', 'sending', 'sent', 'dead', 'suppressed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `email_outbox_dedupe_key_unique` ON `email_outbox` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `email_outbox_due` ON `email_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `email_outbox_provider` ON `email_outbox` (`provider_id`);--> statement-breakpoint
CREATE TABLE `suppressions` (
	`email` text PRIMARY KEY NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `webhook_events` (
	`svix_id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`outbox_id` text,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `webhook_events_outbox` ON `webhook_events` (`outbox_id`);--> statement-breakpoint
-- Added columns rather than drizzle-kit's table rebuild: D1 ignores PRAGMA foreign_keys, so rebuilding
-- members (referenced by sessions, drafts, claims, reviews) would break or cascade.
ALTER TABLE `members` ADD `genres` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `members` ADD `notify_reviews` text DEFAULT 'each' NOT NULL CONSTRAINT "members_notify_reviews" CHECK("notify_reviews" IN ('each', 'daily', 'off'));--> statement-breakpoint
ALTER TABLE `members` ADD `notify_activity` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `members` ADD `notify_new_drafts` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `members` ADD `notify_claims` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `members` ADD `review_digest_at` integer;--> statement-breakpoint
ALTER TABLE `members` ADD `drafts_digest_at` integer;
