ALTER TABLE `assignments` ADD `acknowledged_via` text;--> statement-breakpoint
ALTER TABLE `assignments` ADD `acknowledged_by_id` text REFERENCES users(id);