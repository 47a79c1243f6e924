-- Reviews a moderator removed no longer count on profiles or in "return the favour" (src/relationships/profile-counters.ts,
-- reviewUncounted). 0009's backfill counted them, and removals made before then were never taken back: recount both
-- from the reviews that stand.
UPDATE `members` SET
	`reviews_given` = (SELECT count(*) FROM `reviews` r WHERE r.`reviewer_id` = `members`.`id` AND r.`removed_at` IS NULL),
	`helpful_reviews` = (SELECT count(*) FROM `reviews` r WHERE r.`reviewer_id` = `members`.`id` AND r.`helpful` = 1 AND r.`removed_at` IS NULL),
	`reviews_received` = (SELECT count(*) FROM `reviews` r JOIN `drafts` d ON d.`id` = r.`draft_id`
		WHERE d.`author_id` = `members`.`id` AND r.`removed_at` IS NULL);
--> statement-breakpoint
DELETE FROM `review_tallies`;
--> statement-breakpoint
INSERT INTO `review_tallies` (`author_id`, `reviewer_id`, `reviews`, `last_at`)
	SELECT d.`author_id`, r.`reviewer_id`, count(*), max(r.`created_at`)
	FROM `reviews` r JOIN `drafts` d ON d.`id` = r.`draft_id`
	WHERE r.`removed_at` IS NULL
	GROUP BY d.`author_id`, r.`reviewer_id`;
