CREATE TABLE `field_report_photos` (
	`id` text PRIMARY KEY NOT NULL,
	`report_id` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`bytes` integer NOT NULL,
	`taken_at` integer,
	`lat` real,
	`lng` real,
	FOREIGN KEY (`report_id`) REFERENCES `field_reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `field_report_photos_report` ON `field_report_photos` (`report_id`);--> statement-breakpoint
CREATE TABLE `field_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`incident_id` text NOT NULL,
	`jurisdiction_id` text NOT NULL,
	`assignment_id` text NOT NULL,
	`author_id` text NOT NULL,
	`text` text DEFAULT '' NOT NULL,
	`lat` real,
	`lng` real,
	`accuracy` real,
	`captured_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `field_reports_incident` ON `field_reports` (`incident_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `plan_roles` ADD `requires_photo` integer DEFAULT false NOT NULL;