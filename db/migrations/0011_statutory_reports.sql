CREATE TABLE `neighbour_notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`report_id` text NOT NULL,
	`jurisdiction_name` text NOT NULL,
	`contact` text NOT NULL,
	`means` text NOT NULL,
	`notified_at` integer NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `statutory_reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `neighbour_notifications_report` ON `neighbour_notifications` (`report_id`);--> statement-breakpoint
CREATE TABLE `sensitive_receptors` (
	`id` text PRIMARY KEY NOT NULL,
	`jurisdiction_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`lat` real NOT NULL,
	`lng` real NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`jurisdiction_id`) REFERENCES `jurisdictions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sensitive_receptors_jurisdiction` ON `sensitive_receptors` (`jurisdiction_id`);--> statement-breakpoint
CREATE TABLE `statutory_report_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`report_id` text NOT NULL,
	`version` integer NOT NULL,
	`content` text NOT NULL,
	`saved_by` text NOT NULL,
	`saved_at` integer NOT NULL,
	`signed_off_by` text,
	`signed_off_at` integer,
	FOREIGN KEY (`report_id`) REFERENCES `statutory_reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`saved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_off_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `statutory_report_versions_report_version` ON `statutory_report_versions` (`report_id`,`version`);--> statement-breakpoint
CREATE TABLE `statutory_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`incident_id` text NOT NULL,
	`kind` text NOT NULL,
	`seq` integer DEFAULT 1 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `statutory_reports_incident_kind_seq` ON `statutory_reports` (`incident_id`,`kind`,`seq`);--> statement-breakpoint
ALTER TABLE `incidents` ADD `severity` text;--> statement-breakpoint
ALTER TABLE `incidents` ADD `discovered_at` integer;--> statement-breakpoint
ALTER TABLE `jurisdictions` ADD `initial_report_minutes` text DEFAULT '{"IV":60,"III":60,"II":60,"I":60}' NOT NULL;--> statement-breakpoint
ALTER TABLE `jurisdictions` ADD `report_map_radius_m` integer DEFAULT 3000 NOT NULL;--> statement-breakpoint
ALTER TABLE `plans` ADD `targets` text DEFAULT '{"everyoneAcknowledgedSeconds":180,"firstOnSceneSeconds":1200,"allRolesOnSceneSeconds":2700,"initialReportSignedSeconds":3600}' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `can_sign_off` integer DEFAULT false NOT NULL;