CREATE TABLE `blocks` (
	`blocker_id` text NOT NULL,
	`blocked_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`blocker_id`, `blocked_id`),
	FOREIGN KEY (`blocker_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`blocked_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "blocks_not_self" CHECK("blocks"."blocker_id" <> "blocks"."blocked_id")
);
--> statement-breakpoint
CREATE INDEX `blocks_blocked` ON `blocks` (`blocked_id`,`blocker_id`);--> statement-breakpoint
CREATE TABLE `follows` (
	`follower_id` text NOT NULL,
	`followed_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`follower_id`, `followed_id`),
	FOREIGN KEY (`follower_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`followed_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "follows_not_self" CHECK("follows"."follower_id" <> "follows"."followed_id")
);
--> statement-breakpoint
CREATE INDEX `follows_followed` ON `follows` (`followed_id`,`follower_id`);--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`draft_id` text NOT NULL,
	`inviter_id` text NOT NULL,
	`invitee_id` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`claim_id` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`draft_id`) REFERENCES `drafts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`inviter_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invitee_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "invitations_status" CHECK("invitations"."status" IN ('pending', 'accepted', 'declined', 'expired', 'cancelled')),
	CONSTRAINT "invitations_not_self" CHECK("invitations"."inviter_id" <> "invitations"."invitee_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_one_pending` ON `invitations` (`draft_id`,`invitee_id`) WHERE "invitations"."status" = 'pending';--> statement-breakpoint
CREATE INDEX `invitations_draft` ON `invitations` (`draft_id`,`status`,`expires_at`);--> statement-breakpoint
CREATE INDEX `invitations_invitee` ON `invitations` (`invitee_id`,`status`,`expires_at`);--> statement-breakpoint
CREATE INDEX `invitations_inviter` ON `invitations` (`inviter_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `invitations_expiry` ON `invitations` (`status`,`expires_at`);--> statement-breakpoint
CREATE TABLE `review_tallies` (
	`author_id` text NOT NULL,
	`reviewer_id` text NOT NULL,
	`reviews` integer DEFAULT 0 NOT NULL,
	`last_at` integer NOT NULL,
	PRIMARY KEY(`author_id`, `reviewer_id`),
	FOREIGN KEY (`author_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewer_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `review_tallies_generous` ON `review_tallies` (`author_id`,`reviews`,`last_at`);--> statement-breakpoint
ALTER TABLE `members` ADD `bio` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `members` ADD `reviews_given` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `members` ADD `helpful_reviews` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `members` ADD `reviews_received` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `members` ADD `drafts_posted` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `members` ADD `followers` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `members` ADD `notify_following` text DEFAULT 'each' NOT NULL;--> statement-breakpoint
ALTER TABLE `members` ADD `following_digest_at` integer;--> statement-breakpoint
-- Backfill: the profile counters and review tallies start equal to what the tables already hold; from here on
-- each is moved in the batch of the event that changes it.
UPDATE `members` SET
	`reviews_given` = (SELECT count(*) FROM `reviews` r WHERE r.`reviewer_id` = `members`.`id`),
	`helpful_reviews` = (SELECT count(*) FROM `reviews` r WHERE r.`reviewer_id` = `members`.`id` AND r.`helpful` = 1),
	`reviews_received` = (SELECT count(*) FROM `reviews` r JOIN `drafts` d ON d.`id` = r.`draft_id` WHERE d.`author_id` = `members`.`id`),
	`drafts_posted` = (SELECT count(*) FROM `drafts` d WHERE d.`author_id` = `members`.`id`);
--> statement-breakpoint
INSERT INTO `review_tallies` (`author_id`, `reviewer_id`, `reviews`, `last_at`)
	SELECT d.`author_id`, r.`reviewer_id`, count(*), max(r.`created_at`)
	FROM `reviews` r JOIN `drafts` d ON d.`id` = r.`draft_id`
	GROUP BY d.`author_id`, r.`reviewer_id`;
