CREATE TABLE `incident_enterprises` (
	`incident_id` text NOT NULL,
	`enterprise_id` text NOT NULL,
	`linked_at` integer NOT NULL,
	PRIMARY KEY(`incident_id`, `enterprise_id`),
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `incident_enterprises_enterprise` ON `incident_enterprises` (`enterprise_id`);--> statement-breakpoint
CREATE TABLE `incident_updates` (
	`id` text PRIMARY KEY NOT NULL,
	`incident_id` text NOT NULL,
	`seq` integer NOT NULL,
	`text` text NOT NULL,
	`lat` real,
	`lng` real,
	`incident_type` text,
	`linked_enterprise_ids` text DEFAULT '[]' NOT NULL,
	`unlinked_enterprise_ids` text DEFAULT '[]' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `incident_updates_incident_seq` ON `incident_updates` (`incident_id`,`seq`);--> statement-breakpoint
ALTER TABLE `assignments` ADD `updates_seen_seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `assignments` ADD `update_push_attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `assignments` ADD `next_update_push_at` integer;--> statement-breakpoint
CREATE INDEX `assignments_next_update_push` ON `assignments` (`next_update_push_at`);--> statement-breakpoint
ALTER TABLE `incidents` ADD `update_seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Incidents triggered before links existed keep the enterprise they were reported with.
INSERT INTO `incident_enterprises` (`incident_id`, `enterprise_id`, `linked_at`) SELECT `id`, `enterprise_id`, `created_at` FROM `incidents` WHERE `enterprise_id` IS NOT NULL;
