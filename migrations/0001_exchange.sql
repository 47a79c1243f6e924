CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`balance` integer DEFAULT 0 NOT NULL,
	CONSTRAINT "accounts_kind" CHECK("accounts"."kind" IN ('member', 'escrow', 'mint')),
	CONSTRAINT "accounts_no_overdraft" CHECK("accounts"."kind" = 'mint' OR "accounts"."balance" >= 0)
);
--> statement-breakpoint
CREATE TABLE `claims` (
	`id` text PRIMARY KEY NOT NULL,
	`draft_id` text NOT NULL,
	`reviewer_id` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`draft_id`) REFERENCES `drafts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "claims_status" CHECK("claims"."status" IN ('active', 'released', 'used', 'expired'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `claims_one_active_per_reviewer` ON `claims` (`draft_id`,`reviewer_id`) WHERE "claims"."status" = 'active';--> statement-breakpoint
CREATE INDEX `claims_draft_active` ON `claims` (`draft_id`,`status`,`expires_at`);--> statement-breakpoint
CREATE INDEX `claims_reviewer_active` ON `claims` (`reviewer_id`,`status`,`expires_at`);--> statement-breakpoint
CREATE INDEX `claims_expiry` ON `claims` (`status`,`expires_at`);--> statement-breakpoint
CREATE TABLE `drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`author_id` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`genre` text NOT NULL,
	`note` text,
	`word_count` integer NOT NULL,
	`price_per_review` integer NOT NULL,
	`reviews_wanted` integer NOT NULL,
	`reviews_received` integer DEFAULT 0 NOT NULL,
	`fairness` integer GENERATED ALWAYS AS (reviews_received * 60 / reviews_wanted) STORED,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`author_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "drafts_reviews_wanted" CHECK("drafts"."reviews_wanted" BETWEEN 1 AND 5),
	CONSTRAINT "drafts_never_over_reviewed" CHECK("drafts"."reviews_received" BETWEEN 0 AND "drafts"."reviews_wanted"),
	CONSTRAINT "drafts_status" CHECK("drafts"."status" IN ('open', 'closed', 'withdrawn')),
	CONSTRAINT "drafts_price" CHECK("drafts"."price_per_review" > 0)
);
--> statement-breakpoint
CREATE INDEX `drafts_queue` ON `drafts` (`status`,`fairness`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `drafts_queue_genre` ON `drafts` (`status`,`genre`,`fairness`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `drafts_author` ON `drafts` (`author_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`member_id` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`status` integer,
	`response_body` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`member_id`, `key`)
);
--> statement-breakpoint
CREATE INDEX `idempotency_keys_created_at` ON `idempotency_keys` (`created_at`);--> statement-breakpoint
CREATE TABLE `inline_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`review_id` text NOT NULL,
	`paragraph` integer NOT NULL,
	`quote` text NOT NULL,
	`body` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "inline_paragraph" CHECK("inline_comments"."paragraph" >= 0)
);
--> statement-breakpoint
CREATE INDEX `inline_review` ON `inline_comments` (`review_id`,`position`);--> statement-breakpoint
CREATE TABLE `replies` (
	`id` text PRIMARY KEY NOT NULL,
	`review_id` text NOT NULL,
	`author_id` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `replies_review` ON `replies` (`review_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`draft_id` text NOT NULL,
	`reviewer_id` text NOT NULL,
	`body` text NOT NULL,
	`word_count` integer NOT NULL,
	`helpful` integer,
	`rated_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`draft_id`) REFERENCES `drafts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reviews_one_per_reviewer` ON `reviews` (`draft_id`,`reviewer_id`);--> statement-breakpoint
CREATE INDEX `reviews_reviewer` ON `reviews` (`reviewer_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `transfers` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`from_account` text NOT NULL,
	`to_account` text NOT NULL,
	`amount` integer NOT NULL,
	`reason` text NOT NULL,
	`reason_key` text NOT NULL,
	`draft_id` text,
	`review_id` text,
	`claim_id` text,
	`from_balance_after` integer,
	`to_balance_after` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`from_account`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_account`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "transfers_positive" CHECK("transfers"."amount" > 0),
	CONSTRAINT "transfers_two_sides" CHECK("transfers"."from_account" <> "transfers"."to_account"),
	CONSTRAINT "transfers_reason" CHECK("transfers"."reason" IN ('welcome', 'post_draft', 'review_paid', 'helpful_bonus', 'refund', 'adjustment'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `transfers_id_unique` ON `transfers` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `transfers_reason_key_unique` ON `transfers` (`reason_key`);--> statement-breakpoint
CREATE INDEX `transfers_from_seq` ON `transfers` (`from_account`,`seq`);--> statement-breakpoint
CREATE INDEX `transfers_to_seq` ON `transfers` (`to_account`,`seq`);